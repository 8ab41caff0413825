import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { readLiveArticle } from './liveArticle'
import { DRAFT_SAVE, SENT_FIELDS, STATUS_SENT } from './rememberDraftSave'

/** What Payload keeps of its own on a document; everything else is the story's content. */
const systemFields = new Set(['createdAt', 'id', 'updatedAt'])

/**
 * No update unpublishes a story unless it says so. Payload applies an update to the newest
 * version: over a writer's pending draft of a live story, an editor's one-field PATCH (or a
 * correction) would make that unreviewed draft the main document, as a draft, taking the story
 * offline. Instead, an update that names no `_status` changes the live story: the live content
 * with the update's fields over it, still published. The pending draft stays in the versions.
 */
export const keepLiveStatus: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (
    operation !== 'update' ||
    !originalDoc ||
    req.context[DRAFT_SAVE] === true ||
    req.context.isRestoringVersion ||
    req.context[STATUS_SENT] !== false ||
    originalDoc._status !== 'draft'
  ) {
    return data
  }
  const live = await readLiveArticle(req, originalDoc.id)
  if (!live) {
    return data
  }
  const liveContent = Object.fromEntries(
    Object.entries(live).filter(([name]) => !systemFields.has(name)),
  ) as Partial<NewsroomArticle>
  // Payload has already filled in the draft's values where the client sent none: the client's
  // own fields are those it sent, the rest come from the live story.
  const sent = req.context[SENT_FIELDS] ?? []
  const sentData = Object.fromEntries(Object.entries(data).filter(([name]) => sent.includes(name)))
  return { ...data, ...liveContent, ...sentData, _status: 'published' }
}
