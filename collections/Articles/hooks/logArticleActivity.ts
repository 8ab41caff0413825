import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { ActivityAction } from '../../../src/activity/actions'
import type { NewsroomArticle } from '../../../src/documents'

import { logActivity } from '../../../src/activity/logActivity'
import { REVIEW_STAGE } from '../../../src/reviewStage'
import { readLiveArticle } from './liveArticle'
import { DRAFT_SAVE, STATUS_SENT } from './rememberDraftSave'

const wasLiveKey = (id: unknown) => `newsroomActivityWasLive:${String(id)}`

/** Whether readers had the story before this change: publish and unpublish are told apart by it. */
export const rememberWasLive: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc && req.user) {
    // Read first: a nested read may give the request a new context object.
    const live = await readLiveArticle(req, originalDoc.id)
    req.context[wasLiveKey(originalDoc.id)] = Boolean(live)
  }
  return data
}

/**
 * The story's entries in the activity log: created; published or unpublished (a change to the
 * live story, never a draft save); submitted (moved into review by hand, not by an unpublish);
 * corrected (an entry appended to `corrections`); and otherwise edited, at most once per person
 * per story in a while (see logActivity), so autosaves make no noise.
 */
export const logArticleActivity: CollectionAfterChangeHook<NewsroomArticle> = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (!req.user) {
    return doc
  }
  const draftSave = req.context[DRAFT_SAVE] === true
  const actions: { action: ActivityAction; detail?: string }[] = []
  const wasLive = req.context[wasLiveKey(doc.id)] === true
  if (operation === 'create') {
    actions.push({ action: 'created' })
  }
  // A save that keeps a live story live (a correction, say) is no publish unless it asks to be.
  if (
    !draftSave &&
    doc._status === 'published' &&
    (!wasLive || req.context[STATUS_SENT] === true)
  ) {
    actions.push({ action: 'published', detail: wasLive ? 'changes published' : undefined })
  }
  const unpublished = operation === 'update' && !draftSave && doc._status === 'draft' && wasLive
  if (unpublished) {
    actions.push({ action: 'unpublished' })
  }
  if (
    !unpublished &&
    doc.stage === REVIEW_STAGE &&
    (operation === 'create' || previousDoc?.stage !== REVIEW_STAGE)
  ) {
    actions.push({ action: 'submitted' })
  }
  const before = previousDoc?.corrections?.length ?? 0
  const added = (doc.corrections ?? []).slice(before)
  for (const correction of added) {
    actions.push({ action: 'corrected', detail: correction.text ?? undefined })
  }
  if (actions.length === 0 && operation === 'update') {
    actions.push({ action: 'edited', detail: draftSave ? 'draft' : undefined })
  }
  for (const { action, detail } of actions) {
    await logActivity(req, {
      action,
      detail,
      recordCollection: collection.slug,
      recordId: doc.id,
      recordTitle: doc.headline,
    })
  }
  return doc
}
