import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

import { renderDeliveryArticle } from '../../../../delivery/renderDeliveryArticle'
import { articleJsonLd, jsonForScript } from '../../../../site/articleJsonLd'
import { RichText } from '../../../../site/RichText'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

const load = async (slug: string) =>
  renderDeliveryArticle({ payload: await getPayload({ config }), slug })

const showDate = (iso: null | string) =>
  iso
    ? new Date(iso).toLocaleString('en-US', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'UTC',
      }) + ' UTC'
    : null

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const delivery = await load((await params).slug)
  return delivery
    ? { description: delivery.article.dek ?? undefined, title: delivery.article.headline }
    : { title: 'Not found' }
}

export default async function ArticlePage({ params }: Props) {
  const delivery = await load((await params).slug)
  if (!delivery) {
    notFound()
  }
  const { article, cases, quotes, relatedCoverage } = delivery
  const host = (await headers()).get('host') ?? 'localhost'
  const origin = process.env.SERVER_URL || `http://${host}`
  const published = showDate(article.firstPublishedAt ?? article.publishedAt)
  const updated = showDate(article.updatedAt)

  return (
    <article>
      <script
        dangerouslySetInnerHTML={{ __html: jsonForScript(articleJsonLd(delivery, origin)) }}
        type="application/ld+json"
      />
      <header>
        {article.section ? <p className="section">{article.section}</p> : null}
        <h1>{article.headline}</h1>
        {article.dek ? <p className="dek">{article.dek}</p> : null}
        {article.bylines.length > 0 ? (
          <p className="bylines">By {article.bylines.map((byline) => byline.name).join(' and ')}</p>
        ) : null}
        <p className="dates">
          {published ? (
            <>
              Published <time dateTime={article.firstPublishedAt ?? ''}>{published}</time>
            </>
          ) : null}
          {updated ? (
            <>
              {' · '}Updated <time dateTime={article.updatedAt}>{updated}</time>
            </>
          ) : null}
        </p>
      </header>
      {article.dateline ? <p className="dateline">{article.dateline} —</p> : null}
      <RichText body={article.body} sources={{ cases, quotes }} />
      {article.corrections.length > 0 ? (
        <section className="corrections">
          <h2>Corrections</h2>
          <ul>
            {article.corrections.map((entry, index) => (
              <li key={index}>
                <strong>{entry.type[0].toUpperCase() + entry.type.slice(1)}:</strong> {entry.text}{' '}
                {entry.at ? <time dateTime={entry.at}>{showDate(entry.at)}</time> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {relatedCoverage.length > 0 ? (
        <section className="related-coverage">
          <h2>Related coverage</h2>
          <ol>
            {relatedCoverage.map((item) => (
              <li key={String(item.id)}>
                {item.url ? <a href={item.url}>{item.headline}</a> : <span>{item.headline}</span>}
                {item.dek ? <p>{item.dek}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  )
}
