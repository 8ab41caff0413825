import type { FeedContext } from './types'

import { collectionSlugs, siteSettings } from 'payload-plugin-newsroom'
import { articlePath } from '../paths'
import { w3cDate } from './dates'
import { publishedArticles } from './publishedArticles'
import { urlsetXml } from './sitemapXml'
import { xmlElement } from './xml'

const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9'

/** Google News reads stories from the last two days only. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000

/** Google News' limit per sitemap; past it the newest stories are kept. */
export const NEWS_SITEMAP_MAX_URLS = 1000

/**
 * Google News sitemap: the stories first published in the two days before `now`, newest
 * first. A story's first publication decides, so re-dating it does not bring it back.
 */
export const renderNewsSitemap = async ({ now, origin, payload }: FeedContext): Promise<string> => {
  const { language, name } = siteSettings(payload.config)
  const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS).toISOString()
  const { docs } = await payload.find({
    collection: collectionSlugs.articles,
    depth: 0,
    draft: false,
    limit: NEWS_SITEMAP_MAX_URLS,
    overrideAccess: false,
    pagination: false,
    select: { firstPublishedAt: true, headline: true, slug: true },
    sort: '-firstPublishedAt',
    where: publishedArticles({ firstPublishedAt: { greater_than_equal: since } }),
  })
  const publication = `<news:publication>${xmlElement('news:name', name)}${xmlElement('news:language', language)}</news:publication>`
  return urlsetXml(
    docs.flatMap((doc) =>
      doc.slug && doc.firstPublishedAt
        ? [
            {
              extra: [
                '<news:news>',
                publication,
                xmlElement('news:publication_date', w3cDate(doc.firstPublishedAt)),
                xmlElement('news:title', doc.headline),
                '</news:news>',
              ].join(''),
              loc: `${origin}${articlePath(doc.slug)}`,
            },
          ]
        : [],
    ),
    { news: NEWS_NAMESPACE },
  )
}
