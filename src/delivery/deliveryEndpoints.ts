import type { Endpoint, PayloadRequest } from 'payload'

import type { DeliveryFormat } from './encodeRepresentation'

import { collectionSlugs } from '../collectionSlugs'
import { deliveryCacheFor } from './deliveryCache'
import { deliveryPathFor, deliveryResponse } from './deliveryResponse'
import { partnerRepresentation } from './partnerDelivery'

const handle = (format: DeliveryFormat) => async (req: PayloadRequest) => {
  const slug = String(req.routeParams?.slug ?? '')
  const { body, headers, status } = await deliveryResponse({
    // Each Payload instance keeps its own cache; the hooks and the change log keep them in step.
    cache: deliveryCacheFor(req.payload),
    format,
    ifNoneMatch: req.headers.get('if-none-match'),
    onError: (error) => req.payload.logger.error({ err: error, msg: 'delivery read failed' }),
    // Payload has already read the request's API key or session.
    partner: () => partnerRepresentation({ format, payload: req.payload, slug, user: req.user }),
    redirectTo: deliveryPathFor(
      `${req.payload.config.routes.api}/${collectionSlugs.articles}/delivery`,
      format,
      req.url ? new URL(req.url, 'http://localhost').search : '',
    ),
    slug,
  })
  return new Response(body ? new Uint8Array(body) : null, { headers, status })
}

/** Marks the endpoints, so the express fast path can tell whether the API is installed. */
export const DELIVERY_ENDPOINT = 'newsroomDelivery'

/**
 * GET /api/articles/delivery/:slug and …/:slug/ninjs, through Payload's REST routes. The
 * express server answers the same URLs itself before Next is reached (see deliveryRouter).
 */
export const deliveryEndpoints = (): Endpoint[] => [
  {
    custom: { [DELIVERY_ENDPOINT]: true },
    handler: handle('json'),
    method: 'get',
    path: '/delivery/:slug',
  },
  {
    custom: { [DELIVERY_ENDPOINT]: true },
    handler: handle('ninjs'),
    method: 'get',
    path: '/delivery/:slug/ninjs',
  },
]
