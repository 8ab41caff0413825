import type { FieldHook } from 'payload'

export type Position = {
  from?: null | string
  organization?: null | string
  title?: null | string
  to?: null | string
}

const time = (value: null | string | undefined, fallback: number) => {
  const parsed = value ? Date.parse(value) : Number.NaN
  return Number.isFinite(parsed) ? parsed : fallback
}

/**
 * The position held at `at` (now by default): the latest one that began by then and had not
 * ended; positions without dates count as always held, so a single undated title still shows.
 */
export const positionAt = (
  positions: null | Position[] | undefined,
  at: Date = new Date(),
): null | Position => {
  const moment = at.getTime()
  const held = (positions ?? []).filter(
    (position) => time(position.from, -Infinity) <= moment && time(position.to, Infinity) >= moment,
  )
  held.sort((a, b) => time(b.from, -Infinity) - time(a.from, -Infinity))
  return held[0] ?? null
}

/** The title or organization a person holds today, worked out on read. */
export const currentPosition =
  (part: 'organization' | 'title'): FieldHook =>
  ({ siblingData }) =>
    positionAt(siblingData?.positions as Position[] | undefined)?.[part] ?? null
