import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { ValidationError } from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { findByIds } from '../../../src/utilities/findByIds'
import { relationIds } from '../../../src/utilities/ids'

/** A story cannot go out while it uses a quote someone has disputed; the error names it. */
export const refuseDisputedQuotes: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published') {
    return data
  }
  const docs = await findByIds({
    collection: collectionSlugs.quotes,
    ids: relationIds(data.quotes ?? originalDoc?.quotes),
    req,
    where: { 'verification.status': { equals: 'disputed' } },
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
