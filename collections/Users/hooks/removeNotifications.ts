import type { CollectionBeforeDeleteHook } from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'

/**
 * An account's notifications go with it: each has a required recipient, so the database cannot
 * keep one without it, and deleting the account would fail. Inside the delete's transaction.
 */
export const removeNotifications: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: collectionSlugs.notifications,
    overrideAccess: true,
    req,
    where: { recipient: { equals: id } },
  })
}
