import type { Metadata } from 'next'

import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { siteSettings } from 'payload-plugin-newsroom'

import config from '@payload-config'
import { articleJsonLd, jsonForScript } from '../../../../host/site/articleJsonLd'
import { ArticleTerms } from '../../../../host/site/ArticleTerms'
import { Bylines } from '../../../../host/site/Bylines'
import { claimReviewJsonLd } from '../../../../host/site/claimReviewJsonLd'
import { FactCheckBox } from '../../../../host/site/FactCheckBox'
import { showDateTime } from '../../../../host/site/formatDate'
import { LivePreviewListener } from '../../../../host/site/LivePreviewListener'
import { loadArticlePage } from '../../../../host/site/loadArticlePage'
import { PREVIEW_ROUTE } from '../../../../host/site/preview'
import { RichText } from '../../../../host/site/RichText'
import { siteOrigin } from '../../../../host/site/siteOrigin'
import { articlePath } from '../../../../host/site/paths'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const page = await loadArticlePage((await params).slug)
  if (!page) {
    return { title: 'Not found' }
  }
  const { article } = page.delivery
  return {
    alternates: { canonical: articlePath(article.slug) },
    description: article.dek ?? undefined,
    // A draft is for the newsroom's eyes only.
    robots: page.preview ? { follow: false, index: false } : undefined,
    title: article.headline,
  }
}

export default async function ArticlePage({ params }: Props) {
  const page = await loadArticlePage((await params).slug)
  if (!page) {
    notFound()
  }
  const { delivery, preview } = page
  const { article, cases, quotes, relatedCoverage } = delivery
  const origin = siteOrigin((await headers()).get('host'))
  const claimReview = claimReviewJsonLd(delivery, {
    organization: { name: siteSettings(await config).name, url: `${origin}/` },
    origin,
  })
  const published = showDateTime(article.firstPublishedAt ?? article.publishedAt)
  const updated = showDateTime(article.updatedAt)
  const hero = article.hero
  // The story's own caption and credit, else those stored with the image.
  const heroCaption = hero?.caption ?? hero?.image?.caption ?? null
  const heroCredit = hero?.credit ?? hero?.image?.credit ?? null

  return (
    <article>
      {preview ? (
        <aside className="preview-banner" role="status">
          <LivePreviewListener />
          Draft preview: the latest saved version, which readers do not see until it is published.{' '}
          <a href={`${PREVIEW_ROUTE}/exit?path=${encodeURIComponent(articlePath(article.slug))}`}>
            Leave preview
          </a>
        </aside>
      ) : null}
      <script
        dangerouslySetInnerHTML={{ __html: jsonForScript(articleJsonLd(delivery, origin)) }}
        type="application/ld+json"
      />
      {claimReview ? (
        <script
          dangerouslySetInnerHTML={{ __html: jsonForScript(claimReview) }}
          type="application/ld+json"
        />
      ) : null}
      <header>
        <ArticleTerms id={article.id} preview={preview} />
        <h1>{article.headline}</h1>
        {article.dek ? <p className="dek">{article.dek}</p> : null}
        <Bylines bylines={article.bylines} />
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
      {hero?.image?.url ? (
        <figure className="hero">
          {/* Payload's stored size, so the page does not jump as the image loads. */}
          <img
            alt={hero.image.alt ?? ''}
            height={hero.image.height ?? undefined}
            src={hero.image.url}
            width={hero.image.width ?? undefined}
          />
          {heroCaption || heroCredit ? (
            <figcaption>
              {heroCaption}
              {heroCredit ? <span className="credit">{heroCredit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <FactCheckBox factCheck={delivery.factCheck ?? null} />
      {article.dateline ? <p className="dateline">{article.dateline} —</p> : null}
      <RichText body={article.body} sources={{ cases, quotes }} />
      {article.corrections.length > 0 ? (
        <section className="corrections">
          <h2>Corrections</h2>
          <ul>
            {article.corrections.map((entry, index) => (
              <li key={index}>
                <strong>{entry.type[0].toUpperCase() + entry.type.slice(1)}:</strong> {entry.text}{' '}
                {entry.at ? <time dateTime={entry.at}>{showDateTime(entry.at)}</time> : null}
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
