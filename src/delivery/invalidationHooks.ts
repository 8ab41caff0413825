import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { changeFeedFor } from '../cache/changeFeed'
import { changeKeys } from '../cache/changeKeys'
import { appendChange } from '../cache/changeLog'
import { contextKeys } from '../requestContext'
import { invalidateLocalCaches } from './localCaches'

const DRAFT_SAVE = contextKeys.deliveryDraftSave

/**
 * Set in a write's `context` to announce it to other instances (the change log still gets it)
 * without touching this process's caches: how a test plays the part of a second instance.
 */
export const SKIP_LOCAL_DELIVERY_INVALIDATION = contextKeys.skipLocalDeliveryInvalidation

/** Only the operation knows whether a write is a draft save; the after hooks read it here. */
export const rememberDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'restoreVersion') {
    req.context[DRAFT_SAVE] = Boolean((args as { draft?: boolean }).draft)
  }
  return args
}

/** Appends to the shared change log and purges this process's caches for the keys a write touched. */
export const announceChange = async (req: PayloadRequest, keys: string[]): Promise<void> => {
  const entryId = await appendChange({ keys, payload: req.payload, req })
  if (!req.context[SKIP_LOCAL_DELIVERY_INVALIDATION]) {
    invalidateLocalCaches(keys)
    // Payload deletes `transactionID` from the request once the transaction has committed.
    changeFeedFor(req.payload).wrote(entryId, keys, () => !req.transactionID)
  }
}

export const invalidateDeliveryAfterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  // A draft save (autosave every two seconds while someone types) writes a version only: the
  // live document readers get is untouched, so the caches stay. Publishing and unpublishing
  // change the live document and do move the log.
  if (req.context[DRAFT_SAVE] === true && doc?._status === 'draft') {
    return doc
  }
  await announceChange(req, changeKeys(collection.slug, doc, previousDoc))
  return doc
}

export const invalidateDeliveryAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  await announceChange(req, changeKeys(collection.slug, doc))
  return doc
}
