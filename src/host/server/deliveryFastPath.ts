import type { Payload } from 'payload'

import type { RawHandler } from './beforeExpress'

import {
  deliveryCacheFor,
  deliveryResponse,
  type DeliveryCache,
} from 'payload-plugin-newsroom/delivery'
import { collectionSlugs } from 'payload-plugin-newsroom'

import { deliveryInstalled } from './deliveryRouter'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The delivery URLs answered on node's request, before express: the same answers as
 * deliveryRouter (which stays mounted for anything this passes on), without the express stack
 * that would otherwise cost more than the cache lookup itself. Not logged one by one, like the
 * page cache's hits.
 */
export const deliveryFastPath = ({
  cache,
  payload,
}: {
  /** @default the instance's shared cache */
  cache?: DeliveryCache
  payload: Payload
}): RawHandler | undefined => {
  if (!deliveryInstalled(payload)) {
    return undefined
  }
  const shared = cache ?? deliveryCacheFor(payload)
  const base = `${payload.config.routes.api}/${collectionSlugs.articles}/delivery/`
  const pattern = new RegExp(`^${escapeRegExp(base)}([^/?]+)(/ninjs)?/?(?:\\?.*)?$`)
  return (req, res, next) => {
    const match = req.method === 'GET' || req.method === 'HEAD' ? pattern.exec(req.url ?? '') : null
    if (!match) {
      next()
      return
    }
    let slug: string
    try {
      slug = decodeURIComponent(match[1])
    } catch {
      next()
      return
    }
    deliveryResponse({
      cache: shared,
      format: match[2] ? 'ninjs' : 'json',
      ifNoneMatch: req.headers['if-none-match'],
      onError: (error) => payload.logger.error({ err: error, msg: 'delivery read failed' }),
      slug,
    }).then(
      ({ body, headers, status }) => {
        res.writeHead(status, headers)
        res.end(body ?? undefined)
      },
      () => next(),
    )
  }
}
