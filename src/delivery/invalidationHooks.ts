import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { contextKeys } from '../requestContext'
import { bumpGeneration } from './generation'
import { invalidateLocalCaches } from './localCaches'

const DRAFT_SAVE = contextKeys.deliveryDraftSave

/**
 * Set in a write's `context` to announce it to other instances (the generation still moves)
 * without dropping this process's caches: how a test plays the part of a second instance.
 */
export const SKIP_LOCAL_DELIVERY_INVALIDATION = contextKeys.skipLocalDeliveryInvalidation

/** Only the operation knows whether a write is a draft save; the after hooks read it here. */
export const rememberDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'restoreVersion') {
    req.context[DRAFT_SAVE] = Boolean((args as { draft?: boolean }).draft)
  }
  return args
}

const announceChange = async (req: PayloadRequest) => {
  await bumpGeneration({ payload: req.payload, req })
  if (!req.context[SKIP_LOCAL_DELIVERY_INVALIDATION]) {
    invalidateLocalCaches()
  }
}

export const invalidateDeliveryAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  // A draft save (autosave every two seconds while someone types) writes a version only: the
  // live document readers get is untouched, so the caches stay. Publishing and unpublishing
  // change the live document and do move the generation.
  if (req.context[DRAFT_SAVE] === true && doc?._status === 'draft') {
    return doc
  }
  await announceChange(req)
  return doc
}

export const invalidateDeliveryAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await announceChange(req)
  return doc
}
