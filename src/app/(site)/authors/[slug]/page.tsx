import type { Metadata } from 'next'

import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { jsonForScript } from '../../../../host/site/articleJsonLd'
import { showDateTime } from '../../../../host/site/formatDate'
import { loadPersonPage } from '../../../../host/site/loadPersonPage'
import { articlePath, authorPath } from '../../../../host/site/paths'
import { PersonHeader } from '../../../../host/site/PersonHeader'
import { personJsonLd } from '../../../../host/site/personJsonLd'
import { siteOrigin } from '../../../../host/site/siteOrigin'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

/** Staff and contributors have author pages; a source, only once a story carries their byline. */
const loadAuthorPage = async (slug: string) => {
  const page = await loadPersonPage(slug)
  if (!page || (page.person.kind === 'source' && page.stories.length === 0)) {
    return null
  }
  return page
}

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const page = await loadAuthorPage((await params).slug)
  if (!page) {
    return { title: 'Not found' }
  }
  return {
    alternates: { canonical: authorPath(String(page.person.slug)) },
    description: page.person.bio ?? `Stories by ${page.person.name}.`,
    robots: page.preview ? { follow: false, index: false } : undefined,
    title: page.person.name,
  }
}

/** A staff member or contributor: who they are, and their stories, newest first. */
export default async function AuthorPage({ params }: Props) {
  const page = await loadAuthorPage((await params).slug)
  if (!page) {
    notFound()
  }
  const { person, photo, preview, stories } = page
  const jsonLd = personJsonLd(
    { person, photo },
    { origin: siteOrigin((await headers()).get('host')), path: authorPath(String(person.slug)) },
  )
  return (
    <article className="author-page">
      <script
        dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }}
        type="application/ld+json"
      />
      <PersonHeader
        path={authorPath(String(person.slug))}
        person={person}
        photo={photo}
        preview={preview}
      />
      <section className="author-stories">
        <h2>Stories</h2>
        {stories.length === 0 ? <p>No stories yet.</p> : null}
        <ol>
          {stories.map((story) => (
            <li key={story.id}>
              <a href={articlePath(String(story.slug))}>{story.headline}</a>
              {story.publishedAt ? (
                <>
                  {' '}
                  <time dateTime={story.publishedAt}>{showDateTime(story.publishedAt)}</time>
                </>
              ) : null}
              {preview && story._status !== 'published' ? ' (draft)' : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  )
}
