import type { Endpoint } from 'payload'

import {
  headersWithCors,
  NotFound,
  parseParams,
  restoreVersionOperation,
  type RawParams,
} from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { contextKeys } from '../../../src/requestContext'
import { siteSettings } from '../../../src/siteSettings'
import { translate } from '../../../src/translations/translate'

/**
 * POST /api/articles/versions/:id — Payload's restore (the admin's Restore button), answered as
 * Payload answers it, with one thing more: when the restore brings back another slug on the live
 * story, its message says so, and that the URL it had until now redirects to the restored one
 * (the redirect hook keeps every old URL answering). The admin shows the message in its toast.
 * Registered on the collection, so it is matched before Payload's own endpoint for the path.
 */
export const restoreVersionEndpoint: Endpoint = {
  handler: async (req) => {
    const raw = String(req.routeParams?.id ?? '')
    const numeric = req.payload.db.defaultIDType === 'number'
    if (numeric && !/^\d{1,15}$/.test(raw)) {
      // Not a version id at all: the same 404 as an id that names none.
      throw new NotFound(req.t)
    }
    const { depth, draft, populate } = parseParams(req.query as RawParams)
    const result = await restoreVersionOperation({
      collection: req.payload.collections[collectionSlugs.articles],
      depth,
      draft,
      id: numeric ? Number(raw) : raw,
      populate,
      req,
    })
    const moved = req.context[contextKeys.slugMoved]
    const restored = req.t('version:restoredSuccessfully')
    const { articlePath } = siteSettings(req.payload.config)
    const message = moved
      ? `${restored} ${translate(req.t, 'slugRestoredRedirects', {
          from: articlePath(moved.from),
          to: articlePath(moved.to),
        })}`
      : restored
    return Response.json(
      { ...result, message },
      { headers: headersWithCors({ headers: new Headers(), req }), status: 200 },
    )
  },
  method: 'post',
  path: '/versions/:id',
}
