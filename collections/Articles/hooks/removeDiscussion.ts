import type { CollectionBeforeDeleteHook } from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'

/**
 * A story's editorial comments go with it: a comment always belongs to a story (its `article`
 * is required), so the database cannot keep one without it, and the delete would fail. Inside
 * the delete's transaction, so a refused delete keeps them.
 */
export const removeDiscussion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: collectionSlugs.editorialComments,
    overrideAccess: true,
    req,
    where: { article: { equals: id } },
  })
}
