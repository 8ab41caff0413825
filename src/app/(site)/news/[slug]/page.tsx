import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { siteSettings } from 'payload-plugin-newsroom'
import { Figcaption, NewsroomImage, NewsroomRichText } from 'payload-plugin-newsroom/rsc'

import { articleJsonLd, jsonForScript } from '../../../../host/site/articleJsonLd'
import { ArticleTerms } from '../../../../host/site/ArticleTerms'
import { articleMetadata } from '../../../../host/site/articleMetadata'
import { Bylines } from '../../../../host/site/Bylines'
import { CasesBox } from '../../../../host/site/CasesBox'
import { claimReviewJsonLd } from '../../../../host/site/claimReviewJsonLd'
import { FactCheckBox } from '../../../../host/site/FactCheckBox'
import { showDateTime } from '../../../../host/site/formatDate'
import { LivePreview } from '../../../../host/site/LivePreview'
import { loadArticlePage } from '../../../../host/site/loadArticlePage'
import { PREVIEW_ROUTE } from '../../../../host/site/preview'
import { siteOrigin } from '../../../../host/site/siteOrigin'
import { articlePath } from '../../../../host/site/paths'

/** The hero fills the story's column (44rem) on wide screens, the screen on narrow ones. */
const HERO_SIZES = '(max-width: 44rem) 100vw, 44rem'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const page = await loadArticlePage((await params).slug)
  if (!page) {
    return { title: 'Not found' }
  }
  return articleMetadata(page.delivery, {
    origin: siteOrigin((await headers()).get('host')),
    preview: page.preview,
    site: siteSettings(await config),
  })
}

export default async function ArticlePage({ params }: Props) {
  const page = await loadArticlePage((await params).slug)
  if (!page) {
    notFound()
  }
  const { delivery, preview } = page
  const { article, relatedCoverage } = delivery
  const origin = siteOrigin((await headers()).get('host'))
  const site = siteSettings(await config)
  // Readers see the date the newsroom gives the story, and "Updated" only once it changed after
  // going out (a republish), never for a save nobody saw.
  const publishedAt = article.publishedAt ?? article.firstPublishedAt
  const published = showDateTime(publishedAt)
  const updated = article.revisedAt ? showDateTime(article.revisedAt) : null
  const claimReview = claimReviewJsonLd(delivery, {
    organization: { name: site.name, url: `${origin}/` },
    origin,
  })
  const hero = article.hero
  // The story's own caption and credit, else those stored with the image.
  const heroCaption = hero?.caption ?? hero?.image?.caption ?? null
  const heroCredit = hero?.credit ?? hero?.image?.credit ?? null

  return (
    <article>
      {preview ? (
        <aside className="preview-banner" role="status">
          <LivePreview />
          Draft preview: the latest saved version, which readers do not see until it is published.{' '}
          <a href={`${PREVIEW_ROUTE}/exit?path=${encodeURIComponent(articlePath(article.slug))}`}>
            Leave preview
          </a>
        </aside>
      ) : null}
      <script
        dangerouslySetInnerHTML={{ __html: jsonForScript(articleJsonLd(delivery, origin, site)) }}
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
              Published <time dateTime={publishedAt ?? ''}>{published}</time>
            </>
          ) : null}
          {updated ? (
            <>
              {' · '}Updated <time dateTime={article.revisedAt ?? ''}>{updated}</time>
            </>
          ) : null}
        </p>
      </header>
      {hero?.image?.url ? (
        <figure className="hero">
          <NewsroomImage
            className="hero-image"
            image={hero.image}
            loading="eager"
            sizes={HERO_SIZES}
          />
          <Figcaption caption={heroCaption} credit={heroCredit} />
        </figure>
      ) : null}
      <FactCheckBox factCheck={delivery.factCheck ?? null} />
      {article.dateline ? <p className="dateline">{article.dateline} —</p> : null}
      <NewsroomRichText baseUrl="" data={article.body} paths={site} />
      <CasesBox cases={delivery.cases} />
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
