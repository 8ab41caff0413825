import type { Endpoint, PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { DELIVERY_ENDPOINT, deliveryHandlerFor } from './deliveryHandler'

/**
 * Hands the request to the delivery handler under the URL it was sent to. Rebuilt from the
 * route's parameters rather than read from `req.url`, which carries the host's base path.
 */
const handle = (ninjs: boolean) => async (req: PayloadRequest) => {
  const slug = encodeURIComponent(String(req.routeParams?.slug ?? ''))
  const search = req.url ? new URL(req.url, 'http://localhost').search : ''
  const answer = await deliveryHandlerFor(req.payload)?.({
    ifNoneMatch: req.headers.get('if-none-match'),
    method: 'GET',
    url: `${req.payload.config.routes.api}/${collectionSlugs.articles}/delivery/${slug}${ninjs ? '/ninjs' : ''}${search}`,
    // Payload has already read the request's API key or session.
    user: req.user ?? null,
  })
  if (!answer) {
    // Only were these endpoints mounted on another collection than the plugin's articles.
    throw new NotFound(req.t)
  }
  const { body, headers, status } = answer
  return new Response(body ? new Uint8Array(body) : null, { headers, status })
}

/**
 * GET /api/articles/delivery/:slug and …/:slug/ninjs, through Payload's REST routes. A host may
 * answer the same URLs itself, before its framework routes them, with `deliveryHandlerFor`.
 */
export const deliveryEndpoints = (): Endpoint[] => [
  {
    custom: { [DELIVERY_ENDPOINT]: true },
    handler: handle(false),
    method: 'get',
    path: '/delivery/:slug',
  },
  {
    custom: { [DELIVERY_ENDPOINT]: true },
    handler: handle(true),
    method: 'get',
    path: '/delivery/:slug/ninjs',
  },
]
