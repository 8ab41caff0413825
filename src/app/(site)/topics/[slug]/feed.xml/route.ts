import config from '@payload-config'
import { getPayload } from 'payload'

import { taxonomyFeed } from '../../../../../host/site/feeds/taxonomyFeed'
import { siteOrigin } from '../../../../../host/site/siteOrigin'

// Rendered per request, so a story shows as soon as it is published.
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export const GET = async (request: Request, { params }: Context): Promise<Response> =>
  taxonomyFeed({
    kind: 'topics',
    origin: siteOrigin(request.headers.get('host')),
    payload: await getPayload({ config }),
    slug: (await params).slug,
  })
