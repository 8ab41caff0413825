import config from '@payload-config'
import { getPayload } from 'payload'

import { feedResponse } from '../../../../host/site/feeds/feedResponse'
import { renderNewsSitemap } from '../../../../host/site/feeds/renderNewsSitemap'
import { SITEMAP_CONTENT_TYPE } from '../../../../host/site/feeds/sitemapXml'
import { siteOrigin } from '../../../../host/site/siteOrigin'

// Rendered per request, so a story shows as soon as it is published and leaves after two days.
export const dynamic = 'force-dynamic'

export const GET = async (request: Request): Promise<Response> =>
  feedResponse(
    await renderNewsSitemap({
      now: new Date(),
      origin: siteOrigin(request.headers.get('host')),
      payload: await getPayload({ config }),
    }),
    SITEMAP_CONTENT_TYPE,
  )
