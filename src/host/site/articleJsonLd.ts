import type { DeliveryArticle } from 'payload-plugin-newsroom/delivery'
import { articlePath, authorPath } from './paths'

/** Search engines and partners need absolute URLs; Payload stores site paths. */
const absolute = (url: string, origin: string) => (url.startsWith('/') ? `${origin}${url}` : url)

/** schema.org NewsArticle for the page, built from the same data the page shows. */
export const articleJsonLd = ({ article, relatedCoverage }: DeliveryArticle, origin: string) => ({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  // A byline with a person links to their author page; a free-text credit is a name only.
  author: article.bylines.map((byline) => ({
    '@type': 'Person',
    name: byline.name,
    ...(byline.person ? { url: `${origin}${authorPath(byline.person.slug)}` } : {}),
  })),
  correction: article.corrections.map((entry) => ({
    '@type': 'CorrectionComment',
    datePublished: entry.at,
    text: entry.text,
  })),
  dateModified: article.updatedAt,
  datePublished: article.firstPublishedAt ?? article.publishedAt,
  description: article.dek ?? undefined,
  headline: article.headline,
  image: article.hero?.image?.url ? [absolute(article.hero.image.url, origin)] : undefined,
  mainEntityOfPage: `${origin}${articlePath(article.slug)}`,
  relatedLink: relatedCoverage
    .map((item) => item.url)
    .filter((url): url is string => Boolean(url))
    .map((url) => absolute(url, origin)),
})

/** JSON inside a <script> must not be able to close it. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c')
