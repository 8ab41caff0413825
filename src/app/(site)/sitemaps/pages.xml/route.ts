import { feedResponse } from '../../../../host/site/feeds/feedResponse'
import { renderPagesSitemap } from '../../../../host/site/feeds/renderPagesSitemap'
import { SITEMAP_CONTENT_TYPE } from '../../../../host/site/feeds/sitemapXml'
import { siteOrigin } from '../../../../host/site/siteOrigin'

// The origin follows the host the request came in on when SERVER_URL is unset.
export const dynamic = 'force-dynamic'

export const GET = (request: Request): Response =>
  feedResponse(
    renderPagesSitemap({ origin: siteOrigin(request.headers.get('host')) }),
    SITEMAP_CONTENT_TYPE,
  )
