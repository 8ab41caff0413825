import type { Where } from 'payload'

/** The article field that holds a story back from readers until a time. */
export const EMBARGO_FIELD = 'embargoUntil'

type MaybeEmbargoed = null | Record<string, unknown> | undefined

/** The embargo's end as a Date, or null when the story has none (or an unreadable one). */
export const embargoEnd = (doc: MaybeEmbargoed): Date | null => {
  const value = doc?.[EMBARGO_FIELD]
  if (typeof value !== 'string' || value === '') {
    return null
  }
  const end = new Date(value)
  return Number.isNaN(end.getTime()) ? null : end
}

/** Whether the story is held back from readers now: an embargo that has not yet lifted. */
export const isEmbargoed = (doc: MaybeEmbargoed, now: Date = new Date()): boolean => {
  const end = embargoEnd(doc)
  return end !== null && end.getTime() > now.getTime()
}

/**
 * Stories readers may see at `now`: no embargo, or one that has lifted. Time-based, so a story
 * is readable the moment its embargo ends even before the lift job has purged the caches.
 */
export const notEmbargoed = (now: Date = new Date()): Where => ({
  or: [
    { [EMBARGO_FIELD]: { equals: null } },
    { [EMBARGO_FIELD]: { less_than_equal: now.toISOString() } },
  ],
})
