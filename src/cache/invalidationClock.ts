/** Past this many remembered keys the clock forgets them all and treats every render as stale. */
const MAX_REMEMBERED_KEYS = 50_000

export type InvalidationClock = {
  /** Records that what shows these keys (everything, without keys) changed now. */
  invalidate: (keys?: readonly string[]) => void
  /** Whether anything in `keys` changed after `since` (a value `now()` returned). */
  invalidatedSince: (since: number, keys: Iterable<string>) => boolean
  now: () => number
}

/**
 * Tells a render that began before a change from one that began after it, so a slow render of
 * the old content is not stored once the change has purged its key.
 */
export const createInvalidationClock = (): InvalidationClock => {
  let tick = 0
  let floor = 0
  const last = new Map<string, number>()
  return {
    invalidate: (keys) => {
      tick += 1
      if (!keys || last.size + keys.length > MAX_REMEMBERED_KEYS) {
        last.clear()
        floor = tick
      }
      for (const key of keys ?? []) {
        last.set(key, tick)
      }
    },
    invalidatedSince: (since, keys) => {
      if (floor > since) {
        return true
      }
      for (const key of keys) {
        if ((last.get(key) ?? 0) > since) {
          return true
        }
      }
      return false
    },
    now: () => tick,
  }
}
