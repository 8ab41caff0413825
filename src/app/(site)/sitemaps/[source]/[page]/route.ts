import config from '@payload-config'
import { getPayload } from 'payload'

import { feedNotFound, feedResponse } from '../../../../../host/site/feeds/feedResponse'
import { renderContentSitemap } from '../../../../../host/site/feeds/renderContentSitemap'
import { isSitemapSource } from '../../../../../host/site/feeds/sitemapSources'
import { SITEMAP_CONTENT_TYPE } from '../../../../../host/site/feeds/sitemapXml'
import { siteOrigin } from '../../../../../host/site/siteOrigin'

// Rendered per request, so a story shows as soon as it is published.
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ page: string; source: string }> }

/** `/sitemaps/articles/1.xml`, `/sitemaps/cases/1.xml`, …: one page of a collection's sitemap. */
export const GET = async (request: Request, { params }: Context): Promise<Response> => {
  const { page, source } = await params
  const number = /^[1-9]\d{0,5}\.xml$/.test(page) ? Number.parseInt(page, 10) : null
  if (!number || !isSitemapSource(source)) {
    return feedNotFound()
  }
  const body = await renderContentSitemap({
    origin: siteOrigin(request.headers.get('host')),
    page: number,
    payload: await getPayload({ config }),
    source,
  })
  return body === null ? feedNotFound() : feedResponse(body, SITEMAP_CONTENT_TYPE)
}
