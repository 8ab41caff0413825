import type { Endpoint, Payload } from 'payload'

import { NotFound } from 'payload'

const PREFERENCES = 'payload-preferences'

/**
 * Deleting a preference the user does not have fails inside the SQL adapters' `deleteOne`
 * (Payload 3.90: "missing FROM-clause entry", a 500) instead of Payload's own 404. The delete
 * door first looks the key up, and answers 404 when there is nothing to delete; otherwise
 * Payload's own handler runs.
 */
export const answerMissingPreference = (payload: Payload): void => {
  const preferences = payload.collections[PREFERENCES]?.config
  if (!preferences || preferences.endpoints === false) {
    return
  }
  const isDelete = (endpoint: Endpoint) => endpoint.method === 'delete' && endpoint.path === '/:key'
  const payloadDelete = preferences.endpoints.find(isDelete)
  if (!payloadDelete || preferences.endpoints[0]?.custom?.newsroom === true) {
    return
  }
  const guarded: Endpoint = {
    custom: { newsroom: true },
    handler: async (req) => {
      const key = req.routeParams?.key
      if (req.user && typeof key === 'string') {
        const { totalDocs } = await req.payload.count({
          collection: PREFERENCES,
          req,
          where: {
            and: [
              { key: { equals: key } },
              { 'user.value': { equals: req.user.id } },
              { 'user.relationTo': { equals: req.user.collection } },
            ],
          },
        })
        if (totalDocs === 0) {
          throw new NotFound(req.t)
        }
      }
      return payloadDelete.handler(req)
    },
    method: 'delete',
    path: '/:key',
  }
  preferences.endpoints = [guarded, ...preferences.endpoints]
}
