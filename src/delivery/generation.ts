import type { Payload, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { DELIVERY_STATE_SLUG } from './deliveryStateGlobal'

type StateRow = { generation?: null | string; id?: unknown } | null

/** One committed change: a random token and the surrogate keys of what it touched. */
export type ChangeEntry = { id: string; keys: string[] }

/**
 * The recent changes, oldest first. Bounded, so the row stays small: an instance that has not
 * looked for longer than the log reaches back finds its last token gone and drops everything.
 */
export type ChangeLog = ChangeEntry[]

/** Enough for several minutes of a busy newsroom between two reads by an idle instance. */
export const CHANGE_LOG_LENGTH = 200

/**
 * The log lives as JSON in the global's `generation` text field, so the schema (and every
 * database's migrations) stays as it was; a token from before the log reads as an empty one.
 */
export const parseChangeLog = (value: null | string | undefined): ChangeLog => {
  if (!value || !value.startsWith('[')) {
    return []
  }
  try {
    const parsed = JSON.parse(value) as unknown
    return Array.isArray(parsed)
      ? parsed.filter(
          (entry): entry is ChangeEntry =>
            Boolean(entry) &&
            typeof (entry as ChangeEntry).id === 'string' &&
            Array.isArray((entry as ChangeEntry).keys),
        )
      : []
  } catch {
    return []
  }
}

/** The current change log, as committed; empty before anything has been written. */
export const readChangeLog = async (payload: Payload): Promise<ChangeLog> => {
  const row = (await payload.db.findGlobal({ slug: DELIVERY_STATE_SLUG })) as StateRow
  return parseChangeLog(row?.generation)
}

/** The current content generation: the raw state, which any change replaces. */
export const readGeneration = async (payload: Payload): Promise<string> => {
  const row = (await payload.db.findGlobal({ slug: DELIVERY_STATE_SLUG })) as StateRow
  return row?.generation ?? ''
}

/**
 * Appends a change with a fresh random token to the log, inside the writer's transaction so the
 * entry and the content it announces commit together. Tokens rather than a counter: two
 * instances incrementing the same value at once could both write n + 1, and an instance that
 * read n + 1 between the two writes would never notice the second.
 */
export const bumpGeneration = async ({
  keys = [],
  payload,
  req,
}: {
  /** The surrogate keys the change touches. */
  keys?: string[]
  payload: Payload
  req?: Partial<PayloadRequest>
}): Promise<string> => {
  const id = randomUUID()
  const row = (await payload.db.findGlobal({ slug: DELIVERY_STATE_SLUG, req })) as StateRow
  const log = [...parseChangeLog(row?.generation), { id, keys }].slice(-CHANGE_LOG_LENGTH)
  const data = { generation: JSON.stringify(log), updatedAt: new Date().toISOString() }
  if (row?.id !== undefined && row?.id !== null) {
    await payload.db.updateGlobal({ slug: DELIVERY_STATE_SLUG, data, req, returning: false })
  } else {
    await payload.db.createGlobal({
      slug: DELIVERY_STATE_SLUG,
      data: { ...data, createdAt: data.updatedAt },
      req,
      returning: false,
    })
  }
  return id
}
