import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle, NewsroomCorrection } from '../../../src/documents'

import { Forbidden, ValidationError } from 'payload'

import { canPublish } from '../../../src/access/roles'
import { translate } from '../../../src/translations/translate'

type Correction = NewsroomCorrection

const sameEntry = (a: Correction, b: Correction) =>
  a.type === b.type && (a.text ?? '').trim() === (b.text ?? '').trim()

/**
 * Corrections are a public record: only editors add them, only once the story has been
 * published, and an entry once made is never edited or removed (a change is a new entry).
 */
export const guardCorrections: CollectionBeforeChangeHook<NewsroomArticle> = ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const before: Correction[] = originalDoc?.corrections ?? []
  // Restoring an older version brings back its text, never fewer corrections: they are a
  // public record made since, and stay.
  if (req.context.isRestoringVersion) {
    data.corrections = before
    return data
  }
  if (!Array.isArray(data.corrections)) {
    return data
  }
  const after: Correction[] = data.corrections
  const kept = after.slice(0, before.length)
  const added = after.slice(before.length)
  const unchanged =
    kept.length === before.length && kept.every((entry, index) => sameEntry(entry, before[index]))

  if (unchanged && added.length === 0) {
    return data
  }
  // Code running without a user (seed, imports) is trusted with the role, not the rules.
  if (req.user && !canPublish(req)) {
    throw new Forbidden(req.t)
  }
  const fail = (message: string) => {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ message, path: 'corrections' }],
      req,
    })
  }
  if (!unchanged) {
    fail(translate(req.t, 'correctionsImmutable'))
  }
  if (!originalDoc?.firstPublishedAt) {
    fail(translate(req.t, 'correctionsBeforePublish'))
  }
  const now = new Date().toISOString()
  data.corrections = [
    // Keep what was stored, whatever the client sent back for those rows.
    ...before,
    ...added.map((entry) => ({ ...entry, at: now })),
  ]
  return data
}
