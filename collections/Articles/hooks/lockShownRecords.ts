import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { collectionTable, drizzleFor } from '../../../src/utilities/drizzleTables'
import { BEFORE, referencesOf, type References } from './markLiveRecords'
import { DRAFT_SAVE } from './rememberDraftSave'

/** One order for every transaction: the same records are always locked in the same sequence. */
const LOCK_ORDER = [
  collectionSlugs.quotes,
  collectionSlugs.cases,
  collectionSlugs.relatedStories,
  collectionSlugs.media,
] as const

/**
 * On PostgreSQL, before a publish, a live edit or an unpublish writes anything: locks the
 * quotes, cases, related stories and image whose `inLiveStory` flag it may change, in one fixed
 * order. Without it two stories published at once that share a record deadlock: each first
 * links the record (its foreign key takes a share lock on the row), then Payload's update of
 * the flag rewrites the row's key, which waits for the other's share lock; PostgreSQL aborts
 * one of them and the editor gets a 500. Locked up front, the second waits for the first.
 * SQLite runs one write transaction at a time, and MongoDB locks no rows: nothing to do there.
 */
export const lockShownRecords: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (req.payload.db.name !== 'postgres' || !req.transactionID) {
    return data
  }
  const publishing = data?._status === 'published' || originalDoc?._status === 'published'
  if (!publishing || (req.context[DRAFT_SAVE] === true && data?._status !== 'published')) {
    return data
  }
  const before = originalDoc
    ? (req.context[`${BEFORE}:${String(originalDoc.id)}`] as References | undefined)
    : undefined
  const lists = [referencesOf(data as NewsroomArticle), referencesOf(originalDoc), before]
  // Loaded here, not at the top: drizzle-orm comes with the SQL adapters, not with MongoDB's.
  const { inArray } = await import('drizzle-orm')
  const transaction = await drizzleFor(req.payload, req)
  for (const collection of LOCK_ORDER) {
    const ids = [...new Set(lists.flatMap((list) => list?.[collection] ?? []))]
    if (ids.length > 0) {
      const table = collectionTable(req.payload, collection)
      await transaction
        .select({ id: table.id })
        .from(table)
        .where(inArray(table.id, ids))
        .orderBy(table.id)
        .for('update')
    }
  }
  return data
}
