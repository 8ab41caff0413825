import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { Forbidden } from 'payload'

import { canPublish } from '../../../src/access/roles'
import { readLiveArticle } from './liveArticle'
import { DRAFT_SAVE } from './rememberDraftSave'

/**
 * Writers draft; editors decide what readers see. A writer may save drafts of any article, but
 * may not publish, unpublish, or change a live article in place.
 */
export const guardPublishing: CollectionBeforeChangeHook<NewsroomArticle> = async ({
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
  // live document itself (read once per request, shared with the other hooks).
  const live = await readLiveArticle(req, originalDoc.id)
  if (live?._status === 'published') {
    throw new Forbidden(req.t)
  }
  return data
}
