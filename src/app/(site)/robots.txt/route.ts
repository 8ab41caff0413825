import { feedResponse } from '../../../host/site/feeds/feedResponse'
import { renderRobotsTxt } from '../../../host/site/feeds/renderRobotsTxt'
import { siteOrigin } from '../../../host/site/siteOrigin'

// The sitemap's address follows the host the request came in on when SERVER_URL is unset.
export const dynamic = 'force-dynamic'

export const GET = (request: Request): Response =>
  feedResponse(
    renderRobotsTxt({ origin: siteOrigin(request.headers.get('host')) }),
    'text/plain; charset=utf-8',
  )
