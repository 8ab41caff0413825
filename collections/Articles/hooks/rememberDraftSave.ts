import type { CollectionBeforeOperationHook } from 'payload'

import { contextKeys } from '../../../src/requestContext'

export const DRAFT_SAVE = contextKeys.draftSave

/**
 * Only the operation knows whether this write is a draft save (autosave, "Save draft") or a
 * change to the live document; later hooks read it from the request context.
 */
export const rememberDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') {
    req.context[DRAFT_SAVE] = Boolean((args as { draft?: boolean }).draft)
  }
  return args
}
