import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { ValidationError } from 'payload'

import { canPublish } from '../../../src/access/roles'
import { REVIEW_STAGE } from '../../../src/reviewStage'
import { translate } from '../../../src/translations/translate'
import { readLiveArticle } from './liveArticle'
import { DRAFT_SAVE } from './rememberDraftSave'

/** Stages past review: an editor's call, as publishing is. */
const editorsStages = new Set(['copy-desk', 'ready'])

/**
 * The stage follows the story: a publish (or a live edit) sets "published", taking a live story
 * down puts it back on the desk ("editing"). "Published" is the publish's alone, never set by
 * hand; a writer moves a story as far as review ("editing", which is submitting it), and an
 * editor moves it on. A stage the story already has is always accepted, so every save of the
 * admin's form, which sends it back unchanged, still works.
 */
export const followStage: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const draftSave = req.context[DRAFT_SAVE] === true
  if (!draftSave && data._status === 'published') {
    return { ...data, stage: 'published' }
  }
  if (
    operation === 'update' &&
    originalDoc &&
    !draftSave &&
    data._status === 'draft' &&
    (await readLiveArticle(req, originalDoc.id))?._status === 'published'
  ) {
    return { ...data, stage: REVIEW_STAGE }
  }
  const previous = originalDoc?.stage
  const wanted = data.stage
  if (wanted === undefined || wanted === previous) {
    return data
  }
  const refuse = (key: 'stagePublishedByPublishing' | 'stagePastReviewForEditors') => {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ message: translate(req.t, key), path: 'stage' }],
      req,
    })
  }
  if (wanted === 'published') {
    refuse('stagePublishedByPublishing')
  }
  // Code running without a user (seed, imports) is trusted with the role, not the rules.
  if (req.user && !canPublish(req) && editorsStages.has(String(wanted))) {
    refuse('stagePastReviewForEditors')
  }
  return data
}
