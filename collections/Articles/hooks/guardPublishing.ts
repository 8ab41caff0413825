import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { Forbidden } from 'payload'

import { canPublish } from '../../../src/access/roles'
import { DRAFT_SAVE } from './rememberDraftSave'

/**
 * Writers draft; editors decide what readers see. A writer may save drafts of any article, but
 * may not publish, unpublish, or change a live article in place.
 */
export const guardPublishing: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!req.user || canPublish(req)) {
    return data
  }
  if (data._status === 'published') {
    throw new Forbidden(req.t)
  }
  if (req.context[DRAFT_SAVE] === true || operation === 'create' || !originalDoc) {
    return data
  }
  // originalDoc is the latest version, which may be a draft over a live article: ask for the
  // live document itself.
  const live = (await req.payload.findByID({
    collection: collection.slug,
    depth: 0,
    disableErrors: true,
    draft: false,
    id: originalDoc.id,
    overrideAccess: true,
    req,
    select: { _status: true },
  })) as { _status?: null | string } | null
  if (live?._status === 'published') {
    throw new Forbidden(req.t)
  }
  return data
}
