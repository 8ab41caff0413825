import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { DRAFT_SAVE } from './rememberDraftSave'

/**
 * Restoring a version as a draft brings the version's own `_status` and stage into the hooks;
 * Payload makes the result a draft only after them. A live version restored as a draft is a
 * draft over the live story, so the hooks see it as one: not a publish (which a writer may not
 * do, and which would set the stage), and at the stage the story already has.
 */
export const restoreAsDraft: CollectionBeforeChangeHook<NewsroomArticle> = ({
  data,
  originalDoc,
  req,
}) => {
  if (!req.context.isRestoringVersion || req.context[DRAFT_SAVE] !== true) {
    return data
  }
  return {
    ...data,
    _status: 'draft',
    stage: data.stage === 'published' ? (originalDoc?.stage ?? data.stage) : data.stage,
  }
}
