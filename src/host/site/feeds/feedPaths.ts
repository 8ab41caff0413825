/** Where the feed and sitemaps are served; the sitemap index lists the other sitemaps. */
export const RSS_PATH = '/feed.xml'
export const SITEMAP_INDEX_PATH = '/sitemap.xml'
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml'
export const NEWS_SITEMAP_PATH = '/sitemaps/news.xml'
