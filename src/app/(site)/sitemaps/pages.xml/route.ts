import { feedResponse } from '../../../../site/feeds/feedResponse'
import { renderPagesSitemap } from '../../../../site/feeds/renderPagesSitemap'
import { SITEMAP_CONTENT_TYPE } from '../../../../site/feeds/sitemapXml'
import { siteOrigin } from '../../../../site/siteOrigin'

// The origin follows the host the request came in on when SERVER_URL is unset.
export const dynamic = 'force-dynamic'

export const GET = (request: Request): Response =>
  feedResponse(
    renderPagesSitemap({ origin: siteOrigin(request.headers.get('host')) }),
    SITEMAP_CONTENT_TYPE,
  )
