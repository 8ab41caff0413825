import type { Metadata } from 'next'

import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { jsonForScript } from '../../../../host/site/articleJsonLd'
import { showDateTime } from '../../../../host/site/formatDate'
import { loadPersonPage } from '../../../../host/site/loadPersonPage'
import { articlePath, casePath, personPath } from '../../../../host/site/paths'
import { PersonHeader } from '../../../../host/site/PersonHeader'
import { personJsonLd } from '../../../../host/site/personJsonLd'
import { siteOrigin } from '../../../../host/site/siteOrigin'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

const roleNames: Record<string, string> = {
  claimant: 'Claimant',
  counsel: 'Counsel',
  judge: 'Decided',
  other: 'Party',
}

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const page = await loadPersonPage((await params).slug)
  if (!page) {
    return { title: 'Not found' }
  }
  return {
    alternates: { canonical: personPath(String(page.person.slug)) },
    description: page.person.bio ?? `What ${page.person.name} said, in our stories.`,
    robots: page.preview ? { follow: false, index: false } : undefined,
    title: page.person.name,
  }
}

/** What a source said, newest first, each with the story it ran in; and their cases. */
export default async function PersonPage({ params }: Props) {
  const page = await loadPersonPage((await params).slug)
  if (!page) {
    notFound()
  }
  const { cases, claims, person, photo, preview, quotes } = page
  const jsonLd = personJsonLd(
    { person, photo },
    { origin: siteOrigin((await headers()).get('host')), path: personPath(String(person.slug)) },
  )
  return (
    <article className="person-page">
      <script
        dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }}
        type="application/ld+json"
      />
      <PersonHeader
        path={personPath(String(person.slug))}
        person={person}
        photo={photo}
        preview={preview}
      />
      <section className="said">
        <h2>What they said</h2>
        {quotes.length === 0 ? <p>No quotes yet.</p> : null}
        <ol>
          {quotes.map(({ quote, stories }) => (
            <li className="person-quote" key={quote.id}>
              <blockquote>“{quote.text}”</blockquote>
              <p className="quote-meta">
                {[quote.speaker.title, quote.speaker.organization].filter(Boolean).join(', ')}
                {quote.saidAt ? ` · ${showDateTime(quote.saidAt)}` : ''}
                {preview ? ` · ${quote.verification?.status ?? 'unverified'}` : ''}
              </p>
              {stories.length > 0 ? (
                <p className="ran-in">
                  In{' '}
                  {stories.map((story, index) => (
                    <span key={story.id}>
                      {index > 0 ? ', ' : null}
                      <a href={articlePath(String(story.slug))}>{story.headline}</a>
                      {preview && story._status !== 'published' ? ' (draft)' : null}
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {cases.length > 0 ? (
        <section className="person-cases">
          <h2>Cases</h2>
          <ul>
            {cases.map(({ record, roles }) => (
              <li key={record.id}>
                {roles.map((role) => roleNames[role] ?? role).join(', ')}:{' '}
                <a href={casePath(String(record.slug))}>{record.caption}</a>
                {record.citation ? `, ${record.citation}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {claims.length > 0 ? (
        <section className="person-claims">
          <h2>Claims we checked</h2>
          <ul>
            {claims.map(({ checks, claim }) => (
              <li key={claim.id}>
                “{claim.text}”
                {checks.map((story) => (
                  <span key={story.id}>
                    {' '}
                    — <a href={articlePath(String(story.slug))}>{story.headline}</a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
