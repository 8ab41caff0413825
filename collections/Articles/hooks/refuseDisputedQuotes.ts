import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { ValidationError } from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { translate } from '../../../src/translations/translate'
import { findByIds } from '../../../src/utilities/findByIds'
import { relationIds, sameId } from '../../../src/utilities/ids'
import { readLiveArticle } from './liveArticle'

/**
 * A story cannot go out with a quote someone has disputed; the error names it. A story already
 * live when its quote was disputed stays editable (a correction is how a newsroom fixes it),
 * as long as the edit brings in no other disputed quote.
 */
export const refuseDisputedQuotes: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published') {
    return data
  }
  const live = await readLiveArticle(req, originalDoc?.id)
  const alreadyLive = relationIds(live?.quotes)
  const docs = await findByIds({
    collection: collectionSlugs.quotes,
    ids: relationIds(data.quotes ?? originalDoc?.quotes).filter(
      (id) => !alreadyLive.some((other) => sameId(other, id)),
    ),
    req,
    where: { 'verification.status': { equals: 'disputed' } },
  })
  if (docs.length > 0) {
    const names = docs.map((quote) => quote.label ?? quote.text).join('; ')
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          message: translate(req.t, 'disputedQuote', { quotes: names }),
          path: 'quotes',
        },
      ],
      req,
    })
  }
  return data
}
