import type { Payload } from 'payload'

import { collectionOf } from './collectionOf'

/** What ids of a collection look like on this database, and a test for one. */
export type IdRule = {
  /** For error messages: "whole numbers", "24-digit hexadecimal ObjectIds", … */
  expected: string
  test: (value: unknown) => boolean
}

/** Postgres' `serial` ids are 4-byte integers: a larger number is an error, not a miss. */
const SERIAL_MAX = 2_147_483_647
const WHOLE_NUMBER = /^(0|[1-9]\d*)$/
const OBJECT_ID = /^[0-9a-f]{24}$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_TEXT_ID = 1000

const integers = (max: number): IdRule => ({
  expected: 'whole numbers',
  test: (value) =>
    typeof value === 'number'
      ? Number.isSafeInteger(value) && value >= 0 && value <= max
      : typeof value === 'string' && WHOLE_NUMBER.test(value) && Number(value) <= max,
})

const hexObjectIds: IdRule = {
  expected: '24-digit hexadecimal ObjectIds',
  test: (value) =>
    (typeof value === 'string' && OBJECT_ID.test(value)) ||
    // The MongoDB adapter hands hooks ObjectId instances as well as their strings.
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { toHexString?: unknown }).toHexString === 'function'),
}

const uuids: IdRule = {
  expected: 'UUIDs',
  test: (value) => typeof value === 'string' && UUID.test(value),
}

const text: IdRule = {
  expected: 'non-empty text',
  test: (value) =>
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_TEXT_ID &&
    !value.includes('\u0000'),
}

type AdapterIdInfo = { defaultIDType: 'number' | 'text'; idType?: string; name?: string }

/** The adapter's own ids: integers on SQL, ObjectIds on MongoDB, UUIDs when configured so. */
const adapterRule = (payload: Payload): IdRule => {
  const db = payload.db as unknown as AdapterIdInfo
  if (db.defaultIDType === 'number') {
    return integers(db.name === 'postgres' ? SERIAL_MAX : Number.MAX_SAFE_INTEGER)
  }
  if (db.idType === 'uuid') {
    return uuids
  }
  return db.name === 'mongoose' ? hexObjectIds : text
}

/**
 * The ids a collection's records can have: its custom `id` field's type when it has one,
 * otherwise the adapter's (`payload.db.defaultIDType`, 'number' on SQL, 'text' on MongoDB).
 * Versions always have the adapter's ids.
 */
export const idRule = (
  payload: Payload,
  collection: string | undefined,
  { versions = false }: { versions?: boolean } = {},
): IdRule => {
  const custom =
    collection && !versions ? collectionOf(payload, collection)?.customIDType : undefined
  if (custom === 'number') {
    return integers(Number.MAX_SAFE_INTEGER)
  }
  if (custom === 'text') {
    return text
  }
  return adapterRule(payload)
}
