import config from '@payload-config'
import { getPayload } from 'payload'

import { feedResponse } from '../../../host/site/feeds/feedResponse'
import { renderSitemapIndex } from '../../../host/site/feeds/renderSitemapIndex'
import { SITEMAP_CONTENT_TYPE } from '../../../host/site/feeds/sitemapXml'
import { siteOrigin } from '../../../host/site/siteOrigin'

// Rendered per request, so a new page of stories is listed as soon as it exists.
export const dynamic = 'force-dynamic'

export const GET = async (request: Request): Promise<Response> =>
  feedResponse(
    await renderSitemapIndex({
      origin: siteOrigin(request.headers.get('host')),
      payload: await getPayload({ config }),
    }),
    SITEMAP_CONTENT_TYPE,
  )
