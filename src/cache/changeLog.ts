import type { Payload, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { CHANGE_LOG_SLUG } from './changeLogCollection'

/** One committed change: its token, the surrogate keys it touched, and when it was written. */
export type ChangeEntry = { createdAt: number; id: string; keys: string[] }

type ChangeRow = { createdAt?: string; id?: unknown; keys?: unknown }

const toEntry = (row: ChangeRow): ChangeEntry | undefined => {
  const createdAt = Date.parse(String(row.createdAt))
  if (typeof row.id !== 'string' || Number.isNaN(createdAt)) {
    return undefined
  }
  const keys = Array.isArray(row.keys)
    ? row.keys.filter((key): key is string => typeof key === 'string')
    : []
  return { createdAt, id: row.id, keys }
}

/**
 * Appends one change to the log, inside the writer's transaction (through `req`) so the entry
 * and the content it announces commit together, or not at all. An insert of a row of its own:
 * concurrent writers never touch each other's entries. Returns the entry's token.
 */
export const appendChange = async ({
  keys,
  payload,
  req,
}: {
  /** The surrogate keys the change touches. */
  keys: string[]
  payload: Payload
  req?: Partial<PayloadRequest>
}): Promise<string> => {
  const id = randomUUID()
  const now = new Date().toISOString()
  await payload.db.create({
    collection: CHANGE_LOG_SLUG,
    data: { createdAt: now, id, keys, updatedAt: now },
    req,
    returning: false,
  })
  return id
}

/** The committed entries written at or after `since` (epoch milliseconds), in no order. */
export const readChanges = async (payload: Payload, since: number): Promise<ChangeEntry[]> => {
  const { docs } = await payload.db.find({
    collection: CHANGE_LOG_SLUG,
    limit: 0,
    pagination: false,
    where: { createdAt: { greater_than_equal: new Date(since).toISOString() } },
  })
  return (docs as ChangeRow[]).flatMap((row) => toEntry(row) ?? [])
}

/** Deletes the entries written before `before` (epoch milliseconds). */
export const pruneChanges = async (payload: Payload, before: number): Promise<void> => {
  await payload.db.deleteMany({
    collection: CHANGE_LOG_SLUG,
    where: { createdAt: { less_than: new Date(before).toISOString() } },
  })
}
