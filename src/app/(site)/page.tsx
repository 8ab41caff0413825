import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import Link from 'next/link'
import { getPayload } from 'payload'
import { siteSettings } from 'payload-plugin-newsroom'

import { showDate } from '../../host/site/formatDate'
import { frontPageStories } from '../../host/site/frontPageStories'
import { articlePath, sectionPath } from '../../host/site/paths'
import { frontPageMetadata } from '../../host/site/siteMetadata'
import { siteOrigin } from '../../host/site/siteOrigin'

export const dynamic = 'force-dynamic'

export const generateMetadata = async (): Promise<Metadata> =>
  frontPageMetadata(siteOrigin((await headers()).get('host')), siteSettings(await config))

type Story = Awaited<ReturnType<typeof frontPageStories>>['stories'][number]

// The date the newsroom gives the story, as on its page.
const when = (article: Story) => article.publishedAt ?? article.firstPublishedAt

function SectionLink({ article }: { article: Story }) {
  const section = typeof article.section === 'object' ? article.section : null
  return section?.slug ? (
    <p className="section">
      <Link href={sectionPath(section.slug)}>{section.name}</Link>
    </p>
  ) : null
}

export default async function FrontPage() {
  const payload = await getPayload({ config })
  const { name } = siteSettings(payload.config)
  const { stories } = await frontPageStories(payload)
  // The page's one h1 names the site; sighted readers see it in the masthead already.
  const heading = <h1 className="visually-hidden">{name}</h1>

  if (stories.length === 0) {
    return (
      <>
        {heading}
        <p className="empty">Nothing is published yet.</p>
      </>
    )
  }
  const [lead, ...rest] = stories

  return (
    <section aria-label="Front page" className="front-page">
      {heading}
      <article className="lead-story">
        <SectionLink article={lead} />
        <h2>
          <Link href={articlePath(String(lead.slug))}>{lead.headline}</Link>
        </h2>
        {lead.dek ? <p className="dek">{lead.dek}</p> : null}
        {when(lead) ? <time dateTime={when(lead) ?? ''}>{showDate(when(lead))}</time> : null}
      </article>
      {rest.length > 0 ? (
        <ol className="story-list">
          {rest.map((article) => (
            <li key={article.id}>
              <SectionLink article={article} />
              <h3>
                <Link href={articlePath(String(article.slug))}>{article.headline}</Link>
              </h3>
              {article.dek ? <p className="dek">{article.dek}</p> : null}
              {when(article) ? (
                <time dateTime={when(article) ?? ''}>{showDate(when(article))}</time>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}
