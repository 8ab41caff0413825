import type { DeliveryId } from './types'

/** A populated document: relationships Payload could not populate stay ids (or null). */
export type PopulatedDoc = { [key: string]: unknown; id: DeliveryId }

export const isPopulated = (value: unknown): value is PopulatedDoc =>
  Boolean(value) && typeof value === 'object' && 'id' in (value as object)

export const textOrNull = (value: unknown): null | string =>
  typeof value === 'string' && value !== '' ? value : null

export const numberOrNull = (value: unknown): null | number =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

export const recordOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

export const populatedList = (value: unknown): PopulatedDoc[] =>
  Array.isArray(value) ? value.filter(isPopulated) : []
