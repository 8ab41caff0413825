import type { Payload, Where } from 'payload'

import { collectionSlugs } from 'payload-plugin-newsroom'
import { articlePath, casePath } from '../paths'
import { publishedArticles } from './publishedArticles'

/** The sitemaps.org limit on URLs in one sitemap; a longer list is paged. */
export const SITEMAP_MAX_URLS = 50_000

/** The collections the standard sitemaps list, one paged sitemap each. */
export const sitemapSources = {
  articles: {
    collection: collectionSlugs.articles,
    path: articlePath,
    where: publishedArticles(),
  },
  // Cases have no drafts: every case readers may read has a page.
  cases: { collection: collectionSlugs.cases, path: casePath, where: {} as Where },
} as const

export type SitemapSource = keyof typeof sitemapSources

export const isSitemapSource = (value: string): value is SitemapSource =>
  Object.hasOwn(sitemapSources, value)

export const sitemapPagePath = (source: SitemapSource, page: number): string =>
  `/sitemaps/${source}/${page}.xml`

type PageCountArgs = { pageSize: number; payload: Payload; source: SitemapSource }

/** At least one page, so an empty collection still has a (valid, empty) sitemap. */
export const sitemapPageCount = async ({
  pageSize,
  payload,
  source,
}: PageCountArgs): Promise<number> => {
  const { collection, where } = sitemapSources[source]
  const { totalDocs } = await payload.count({ collection, overrideAccess: false, where })
  return Math.max(1, Math.ceil(totalDocs / pageSize))
}
