import type { SiteSettings } from 'payload-plugin-newsroom'
import type { DeliveryArticle } from 'payload-plugin-newsroom/delivery'

import { articlePath, authorPath } from './paths'
import { absoluteUrl, articleShareImage } from './shareImage'

/** The publication, as Google News and schema.org's NewsArticle expect a `publisher`. */
export const publisherJsonLd = (
  { logo, name }: Pick<SiteSettings, 'logo' | 'name'>,
  origin: string,
) => ({
  '@type': 'Organization',
  name,
  url: `${origin}/`,
  ...(logo
    ? {
        logo: {
          '@type': 'ImageObject',
          url: absoluteUrl(logo.url, origin),
          ...(logo.width ? { width: logo.width } : {}),
          ...(logo.height ? { height: logo.height } : {}),
        },
      }
    : {}),
})

/** schema.org NewsArticle for the page, built from the same data the page shows. */
export const articleJsonLd = (
  delivery: DeliveryArticle,
  origin: string,
  site: Pick<SiteSettings, 'logo' | 'name'> = { logo: null, name: 'Newsroom' },
) => {
  const { article, relatedCoverage } = delivery
  const image = articleShareImage(delivery, origin)
  const published = article.publishedAt ?? article.firstPublishedAt
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    // A byline with a person links to their author page; a free-text credit is a name only; an
    // unsigned story is the publication's own. A byline record marked an organization (a wire
    // agency, say) is one.
    author:
      article.bylines.length > 0
        ? article.bylines.map((byline) => ({
            '@type': byline.person?.isOrganization ? 'Organization' : 'Person',
            name: byline.name,
            ...(byline.person ? { url: `${origin}${authorPath(byline.person.slug)}` } : {}),
          }))
        : [{ '@type': 'Organization', name: site.name, url: `${origin}/` }],
    correction: article.corrections.map((entry) => ({
      '@type': 'CorrectionComment',
      datePublished: entry.at,
      text: entry.text,
    })),
    // When readers last saw it change: the seed's own write of a 2018 story is not a change.
    dateModified: article.revisedAt ?? published ?? undefined,
    datePublished: published ?? undefined,
    description: article.meta.description ?? article.dek ?? undefined,
    headline: article.headline,
    image: image
      ? [
          {
            '@type': 'ImageObject',
            url: image.url,
            ...(image.width ? { width: image.width } : {}),
            ...(image.height ? { height: image.height } : {}),
          },
        ]
      : undefined,
    mainEntityOfPage: `${origin}${articlePath(article.slug)}`,
    publisher: publisherJsonLd(site, origin),
    relatedLink: relatedCoverage
      .map((item) => item.url)
      .filter((url): url is string => Boolean(url))
      .map((url) => absoluteUrl(url, origin)),
  }
}

/** JSON inside a <script> must not be able to close it. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c')
