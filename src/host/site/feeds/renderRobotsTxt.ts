import type { FeedContext } from './types'

import { SITEMAP_INDEX_PATH } from './feedPaths'

/**
 * Crawlers may read everything but the admin; `/api` stays open because hero images are
 * served from `/api/media/file/`.
 */
export const renderRobotsTxt = ({ origin }: Pick<FeedContext, 'origin'>): string =>
  ['User-agent: *', 'Disallow: /admin', '', `Sitemap: ${origin}${SITEMAP_INDEX_PATH}`, ''].join(
    '\n',
  )
