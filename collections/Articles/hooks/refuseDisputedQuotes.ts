import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { relationId } from '../../../src/utilities/ids'

/** A story cannot go out while it uses a quote someone has disputed; the error names it. */
export const refuseDisputedQuotes: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published') {
    return data
  }
  const ids = ((data.quotes ?? originalDoc?.quotes ?? []) as unknown[])
    .map(relationId)
    .filter((id) => id !== undefined)
  if (ids.length === 0) {
    return data
  }
  const { docs } = await req.payload.find({
    collection: collectionSlugs.quotes,
    depth: 0,
    limit: ids.length,
    pagination: false,
    req,
    where: { and: [{ id: { in: ids } }, { 'verification.status': { equals: 'disputed' } }] },
  })
  if (docs.length > 0) {
    const names = docs.map((quote) => quote.label ?? quote.text).join('; ')
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          message: `Cannot publish while it uses a disputed quote: ${names}. Resolve or remove it first.`,
          path: 'quotes',
        },
      ],
      req,
    })
  }
  return data
}
