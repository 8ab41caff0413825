import type { CollectionAfterChangeHook } from 'payload'

import type { NewsroomQuote } from '../../../src/documents'

import { logActivity } from '../../../src/activity/logActivity'

/** A quote's verification state set by someone (verified, disputed, back to unverified). */
export const logVerification: CollectionAfterChangeHook<NewsroomQuote> = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  const status = doc.verification?.status ?? 'unverified'
  const before = previousDoc?.verification?.status ?? 'unverified'
  if (status !== before) {
    await logActivity(req, {
      action: 'verified',
      detail: status,
      recordCollection: collection.slug,
      recordId: doc.id,
      recordTitle: doc.label ?? doc.text,
    })
  }
  return doc
}
