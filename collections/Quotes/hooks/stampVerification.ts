import type { FieldHook } from 'payload'

import type { NewsroomQuote } from '../../../src/documents'

type Verification = NonNullable<NewsroomQuote['verification']>

const statusChange = (
  siblingData: Partial<Verification> | undefined,
  originalDoc: NewsroomQuote | undefined,
) => {
  const status = siblingData?.status ?? 'unverified'
  const before = originalDoc?.verification?.status ?? 'unverified'
  return status === before ? null : status
}

/**
 * Who verified a quote is the server's record of the editor who set its status; no client sends
 * it (the field's access refuses client values, and this hook runs after that check). Back to
 * unverified clears it.
 */
export const stampVerifiedBy: FieldHook<NewsroomQuote> = ({ originalDoc, req, siblingData }) => {
  const changed = statusChange(siblingData, originalDoc)
  if (changed === null) {
    return originalDoc?.verification?.verifiedBy ?? null
  }
  return changed === 'unverified' ? null : (req.user?.id ?? null)
}

/** When the status was last set by an editor, kept alongside `verifiedBy`. */
export const stampVerifiedAt: FieldHook<NewsroomQuote> = ({ originalDoc, siblingData }) => {
  const changed = statusChange(siblingData, originalDoc)
  if (changed === null) {
    return originalDoc?.verification?.verifiedAt ?? null
  }
  return changed === 'unverified' ? null : new Date().toISOString()
}
