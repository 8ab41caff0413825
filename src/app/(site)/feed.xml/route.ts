import config from '@payload-config'
import { getPayload } from 'payload'

import { feedResponse } from '../../../host/site/feeds/feedResponse'
import { renderRssFeed, RSS_CONTENT_TYPE } from '../../../host/site/feeds/renderRssFeed'
import { siteOrigin } from '../../../host/site/siteOrigin'

// Rendered per request, so a story shows as soon as it is published.
export const dynamic = 'force-dynamic'

export const GET = async (request: Request): Promise<Response> =>
  feedResponse(
    await renderRssFeed({
      now: new Date(),
      origin: siteOrigin(request.headers.get('host')),
      payload: await getPayload({ config }),
    }),
    RSS_CONTENT_TYPE,
  )
