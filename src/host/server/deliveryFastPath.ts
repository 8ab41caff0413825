import type { Payload } from 'payload'

import type { RawHandler } from './beforeExpress'

import {
  DELIVERY_CACHE_CONTROL,
  deliveryCacheFor,
  deliveryPathFor,
  deliveryResponse,
  partnerRepresentation,
  userFromAuthorization,
  ifNoneMatchMatches,
  type DeliveryCache,
  type DeliveryRepresentation,
} from 'payload-plugin-newsroom/delivery'
import { collectionSlugs } from 'payload-plugin-newsroom'

import { deliveryInstalled, searchOf } from './deliveryRouter'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

type ReadyHeaders = { notModified: string[]; ok: string[] }

/**
 * A held representation's headers, flattened as node's writeHead takes them fastest, made once
 * per representation: the same headers deliveryResponse sends.
 */
const readyHeaders = new WeakMap<DeliveryRepresentation, ReadyHeaders>()

const headersOf = (representation: DeliveryRepresentation): ReadyHeaders => {
  let ready = readyHeaders.get(representation)
  if (!ready) {
    const { body, contentType, etag, lastModified } = representation
    ready = {
      notModified: ['Cache-Control', DELIVERY_CACHE_CONTROL, 'ETag', etag],
      ok: [
        'Cache-Control',
        DELIVERY_CACHE_CONTROL,
        'Content-Length',
        String(body.length),
        'Content-Type',
        contentType,
        'ETag',
        etag,
        'Last-Modified',
        lastModified.toUTCString(),
      ],
    }
    readyHeaders.set(representation, ready)
  }
  return ready
}

/**
 * The delivery URLs answered on node's request, before express: the same answers as
 * deliveryRouter (which stays mounted for anything this passes on), without the express stack
 * that would otherwise cost more than the cache lookup itself. Logged by beforeExpress, like the
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
    const format = match[2] ? 'ninjs' : 'json'
    // A held article is answered without a promise in between; anything else (a miss, a 404,
    // an idle instance that must read the change log first) takes deliveryResponse's path.
    const held = shared.peek(slug, format)
    if (held) {
      const { notModified, ok } = headersOf(held)
      if (ifNoneMatchMatches(req.headers['if-none-match'], held.etag)) {
        res.writeHead(304, notModified)
        res.end()
      } else {
        res.writeHead(200, ok)
        res.end(held.body)
      }
      return
    }
    deliveryResponse({
      cache: shared,
      format,
      ifNoneMatch: req.headers['if-none-match'],
      onError: (error) => payload.logger.error({ err: error, msg: 'delivery read failed' }),
      // A partner's API key reaches embargoed stories, answered for them alone.
      partner: async () =>
        partnerRepresentation({
          format,
          payload,
          slug,
          user: await userFromAuthorization(payload, req.headers.authorization),
        }),
      redirectTo: deliveryPathFor(base.slice(0, -1), format, searchOf(req.url)),
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
