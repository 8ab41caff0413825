import type { DeliveryArticle } from '../delivery/types'

/** schema.org NewsArticle for the page, built from the same data the page shows. */
export const articleJsonLd = ({ article, relatedCoverage }: DeliveryArticle, origin: string) => ({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  author: article.bylines.map((byline) => ({ '@type': 'Person', name: byline.name })),
  correction: article.corrections.map((entry) => ({
    '@type': 'CorrectionComment',
    datePublished: entry.at,
    text: entry.text,
  })),
  dateModified: article.updatedAt,
  datePublished: article.firstPublishedAt ?? article.publishedAt,
  description: article.dek ?? undefined,
  headline: article.headline,
  image: article.hero?.image?.url ? [article.hero.image.url] : undefined,
  mainEntityOfPage: `${origin}/news/${article.slug}`,
  relatedLink: relatedCoverage
    .map((item) => item.url)
    .filter((url): url is string => Boolean(url))
    .map((url) => (url.startsWith('/') ? `${origin}${url}` : url)),
})

/** JSON inside a <script> must not be able to close it. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c')
