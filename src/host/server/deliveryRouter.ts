import type { Request, Response, Router } from 'express'
import type { Payload } from 'payload'

import {
  DELIVERY_ENDPOINT,
  deliveryCacheFor,
  deliveryPathFor,
  deliveryResponse,
  partnerRepresentation,
  userFromAuthorization,
  type DeliveryCache,
  type DeliveryFormat,
} from 'payload-plugin-newsroom/delivery'
import { collectionSlugs } from 'payload-plugin-newsroom'

import express from 'express'

type DeliveryRouterOptions = {
  /** @default the instance's shared cache */
  cache?: DeliveryCache
  payload: Payload
}

/** The query part of a request URL, `?` included, or nothing. */
export const searchOf = (url: string | undefined): string => {
  const at = url?.indexOf('?') ?? -1
  return url && at >= 0 ? url.slice(at) : ''
}

/** With the plugin disabled nothing keeps a cache current, so nothing may be served from one. */
export const deliveryInstalled = (payload: Payload): boolean => {
  const endpoints = payload.collections[collectionSlugs.articles]?.config.endpoints
  return (
    Array.isArray(endpoints) && endpoints.some((endpoint) => endpoint.custom?.[DELIVERY_ENDPOINT])
  )
}

/**
 * The delivery URLs answered by express from the cache, ahead of Next: a published article is
 * a lookup and a write of a ready buffer, without Next's routing or Payload's request setup.
 * Same URLs, headers and bodies as the Payload endpoints.
 */
export const deliveryRouter = ({
  payload,
  cache = deliveryCacheFor(payload),
}: DeliveryRouterOptions): Router => {
  const base = `${payload.config.routes.api}/${collectionSlugs.articles}/delivery`
  const router = express.Router()
  if (!deliveryInstalled(payload)) {
    return router
  }

  const handle = (format: DeliveryFormat) => async (req: Request, res: Response) => {
    const slug = String(req.params.slug ?? '')
    const { body, headers, status } = await deliveryResponse({
      cache,
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
      redirectTo: deliveryPathFor(base, format, searchOf(req.originalUrl)),
      slug,
    })
    // Straight to node's response: express's helpers would only re-derive these headers.
    res.writeHead(status, headers)
    res.end(body ?? undefined)
  }

  router.get(`${base}/:slug`, handle('json'))
  router.get(`${base}/:slug/ninjs`, handle('ninjs'))
  return router
}
