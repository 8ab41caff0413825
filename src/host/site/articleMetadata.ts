import type { Metadata } from 'next'
import type { SiteSettings } from 'payload-plugin-newsroom'
import type { DeliveryArticle } from 'payload-plugin-newsroom/delivery'

import { RSS_PATH } from './feeds/feedPaths'
import { articlePath } from './paths'
import { articleShareImage } from './shareImage'

/** The feed link every page carries; a page's own `alternates` replace the layout's. */
export const rssAlternate = (name: string) => ({
  'application/rss+xml': [{ title: name, url: RSS_PATH }],
})

/**
 * A story page's metadata: its title and description (the editor's SEO fields, else headline
 * and dek), the absolute canonical URL, the feed link, and the Open Graph and Twitter cards
 * social networks show, with the share image at its stored size.
 */
export const articleMetadata = (
  delivery: DeliveryArticle,
  { origin, preview, site }: { origin: string; preview: boolean; site: Pick<SiteSettings, 'name'> },
): Metadata => {
  const { article } = delivery
  const title = article.meta.title ?? article.headline
  const description = article.meta.description ?? article.dek ?? undefined
  const url = `${origin}${articlePath(article.slug)}`
  const image = articleShareImage(delivery, origin)
  const published = article.publishedAt ?? article.firstPublishedAt ?? undefined
  const images = image
    ? [{ alt: image.alt, height: image.height, url: image.url, width: image.width }]
    : undefined
  return {
    alternates: { canonical: url, types: rssAlternate(site.name) },
    description,
    openGraph: {
      authors: article.bylines.map((byline) => byline.name),
      description,
      images,
      modifiedTime: article.revisedAt ?? undefined,
      publishedTime: published,
      section: article.section ?? undefined,
      siteName: site.name,
      tags: article.topics,
      title,
      type: 'article',
      url,
    },
    // A draft is for the newsroom's eyes only.
    robots: preview ? { follow: false, index: false } : undefined,
    // The layout's template adds the site's name to <title>; the cards carry siteName instead.
    title,
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      description,
      images: image ? [{ alt: image.alt, url: image.url }] : undefined,
      title,
    },
  }
}
