import type { SitemapSource } from './sitemapSources'
import type { FeedContext } from './types'

import { NEWS_SITEMAP_PATH, PAGES_SITEMAP_PATH } from './feedPaths'
import {
  SITEMAP_MAX_URLS,
  sitemapPageCount,
  sitemapPagePath,
  sitemapSources,
} from './sitemapSources'
import { sitemapIndexXml } from './sitemapXml'

type SitemapIndexArgs = Omit<FeedContext, 'now'> & {
  /** @default SITEMAP_MAX_URLS */
  pageSize?: number
}

/** The sitemap index: the site's pages, every page of each collection's sitemap, the news one. */
export const renderSitemapIndex = async ({
  origin,
  pageSize = SITEMAP_MAX_URLS,
  payload,
}: SitemapIndexArgs): Promise<string> => {
  const sources = Object.keys(sitemapSources) as SitemapSource[]
  const pageCounts = await Promise.all(
    sources.map((source) => sitemapPageCount({ pageSize, payload, source })),
  )
  const contentPaths = sources.flatMap((source, index) =>
    Array.from({ length: pageCounts[index] }, (_, page) => sitemapPagePath(source, page + 1)),
  )
  return sitemapIndexXml(
    [PAGES_SITEMAP_PATH, ...contentPaths, NEWS_SITEMAP_PATH].map((path) => `${origin}${path}`),
  )
}
