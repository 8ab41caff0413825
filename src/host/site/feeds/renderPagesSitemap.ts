import type { FeedContext } from './types'

import { urlsetXml } from './sitemapXml'

/** The site's own pages, not built from a collection: today the front page only. */
export const renderPagesSitemap = ({ origin }: Pick<FeedContext, 'origin'>): string =>
  urlsetXml([{ loc: `${origin}/` }])
