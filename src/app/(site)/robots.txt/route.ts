import { feedResponse } from '../../../site/feeds/feedResponse'
import { renderRobotsTxt } from '../../../site/feeds/renderRobotsTxt'
import { siteOrigin } from '../../../site/siteOrigin'

// The sitemap's address follows the host the request came in on when SERVER_URL is unset.
export const dynamic = 'force-dynamic'

export const GET = (request: Request): Response =>
  feedResponse(
    renderRobotsTxt({ origin: siteOrigin(request.headers.get('host')) }),
    'text/plain; charset=utf-8',
  )
