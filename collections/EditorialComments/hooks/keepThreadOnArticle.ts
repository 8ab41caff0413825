import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { translate } from '../../../src/translations/translate'
import { relationId, sameId } from '../../../src/utilities/ids'

type Comment = { article?: unknown; id: number | string; parent?: unknown }

/**
 * A reply stays in its story's thread: its parent must be a comment on the same story (a 400
 * naming `parent` otherwise, and nothing is written). Payload's own check already refuses a
 * parent or story that does not exist.
 */
export const keepThreadOnArticle: CollectionBeforeChangeHook<Comment> = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const parentId = relationId(data.parent ?? originalDoc?.parent)
  if (parentId === undefined) {
    return data
  }
  const refuse = () => {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ message: translate(req.t, 'commentParentOtherArticle'), path: 'parent' }],
      req,
    })
  }
  if (originalDoc?.id !== undefined && sameId(parentId, originalDoc.id)) {
    refuse()
  }
  const parent = (await req.payload.findByID({
    collection: collectionSlugs.editorialComments,
    depth: 0,
    disableErrors: true,
    id: parentId,
    overrideAccess: true,
    req,
    select: { article: true },
  })) as Comment | null
  if (parent && !sameId(parent.article, data.article ?? originalDoc?.article)) {
    refuse()
  }
  return data
}
