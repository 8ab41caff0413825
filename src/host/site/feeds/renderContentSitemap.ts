import type { SitemapSource } from './sitemapSources'
import type { FeedContext } from './types'

import { w3cDate } from './dates'
import { SITEMAP_MAX_URLS, sitemapSources } from './sitemapSources'
import { urlsetXml } from './sitemapXml'

type ContentSitemapArgs = Omit<FeedContext, 'now'> & {
  /** 1-based. */
  page: number
  /** @default SITEMAP_MAX_URLS */
  pageSize?: number
  source: SitemapSource
}

/**
 * One page of a collection's sitemap: each page readers may see, with its last change. Null
 * past the last page, so the route answers 404; page 1 always exists, empty or not.
 */
export const renderContentSitemap = async ({
  origin,
  page,
  pageSize = SITEMAP_MAX_URLS,
  payload,
  source,
}: ContentSitemapArgs): Promise<null | string> => {
  const { collection, path, where } = sitemapSources[source]
  const { docs } = await payload.find({
    collection,
    depth: 0,
    draft: false,
    limit: pageSize,
    overrideAccess: false,
    page,
    select: { slug: true, updatedAt: true },
    // Oldest first, so a new story lands on the last page and the earlier pages stay put.
    sort: 'createdAt',
    where,
  })
  if (docs.length === 0 && page > 1) {
    return null
  }
  return urlsetXml(
    docs.flatMap((doc) =>
      doc.slug ? [{ lastmod: w3cDate(doc.updatedAt), loc: `${origin}${path(doc.slug)}` }] : [],
    ),
  )
}
