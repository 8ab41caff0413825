import type { CollectionBeforeOperationHook } from 'payload'

import { contextKeys } from '../../../src/requestContext'

export const DRAFT_SAVE = contextKeys.draftSave
export const SENT_FIELDS = contextKeys.sentFields
export const STATUS_SENT = contextKeys.statusSent

/**
 * Only the operation knows whether this write is a draft save (autosave, "Save draft") or a
 * change to the live document, and what the client itself sent; by the time later hooks run,
 * Payload has filled in the rest. They read it from the request context.
 */
export const rememberDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') {
    const { data, draft } = args as { data?: Record<string, unknown>; draft?: boolean }
    req.context[DRAFT_SAVE] = Boolean(draft)
    req.context[SENT_FIELDS] = data && typeof data === 'object' ? Object.keys(data) : []
    req.context[STATUS_SENT] = Boolean(data && typeof data === 'object' && '_status' in data)
  }
  if (operation === 'restoreVersion') {
    // A restore sends the whole version; "as a draft" is the only choice the client makes.
    req.context[DRAFT_SAVE] = Boolean((args as { draft?: boolean }).draft)
  }
  return args
}
