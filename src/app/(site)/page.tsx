import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import Link from 'next/link'
import { getPayload } from 'payload'
import { siteSettings } from 'payload-plugin-newsroom'

import { showDate } from '../../host/site/formatDate'
import { publishedArticles } from '../../host/site/feeds/publishedArticles'
import { articlePath } from '../../host/site/paths'
import { frontPageMetadata } from '../../host/site/siteMetadata'
import { siteOrigin } from '../../host/site/siteOrigin'

export const dynamic = 'force-dynamic'

export const generateMetadata = async (): Promise<Metadata> =>
  frontPageMetadata(siteOrigin((await headers()).get('host')), siteSettings(await config))

/** How many stories the front page lists: the latest, newest first. */
const FRONT_PAGE_SIZE = 30

export default async function FrontPage() {
  const payload = await getPayload({ config })
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    limit: FRONT_PAGE_SIZE,
    overrideAccess: false,
    pagination: false,
    select: {
      dek: true,
      firstPublishedAt: true,
      headline: true,
      publishedAt: true,
      section: true,
      slug: true,
    },
    sort: '-publishedAt',
    where: publishedArticles(),
  })

  if (docs.length === 0) {
    return <p className="empty">Nothing is published yet.</p>
  }
  const [lead, ...rest] = docs
  const when = (article: (typeof docs)[number]) => article.firstPublishedAt ?? article.publishedAt

  return (
    <section aria-label="Latest stories" className="front-page">
      <article className="lead-story">
        {lead.section ? <p className="section">{lead.section}</p> : null}
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
              {article.section ? <p className="section">{article.section}</p> : null}
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
