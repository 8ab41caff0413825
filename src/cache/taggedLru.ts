/** What the store needs to know of a value: the surrogate keys it shows and its size. */
export type Tagged = { bytes: number; keys: readonly string[] }

export type TaggedLru<V extends Tagged> = {
  /** Total bytes held. */
  bytes: () => number
  clear: () => void
  /** Removes every entry showing any of the keys; returns how many went. */
  deleteByKeys: (keys: readonly string[]) => number
  /** Marks the entry most recently used. */
  get: (id: string) => V | undefined
  set: (id: string, value: V) => void
  size: () => number
}

/**
 * Entries by id, least recently used evicted first once over either bound, with an index from
 * surrogate key to the entries showing it so a change purges exactly those.
 */
export const createTaggedLru = <V extends Tagged>({
  maxBytes = Number.POSITIVE_INFINITY,
  maxEntries = Number.POSITIVE_INFINITY,
}: {
  maxBytes?: number
  maxEntries?: number
}): TaggedLru<V> => {
  const entries = new Map<string, V>()
  const byKey = new Map<string, Set<string>>()
  let bytes = 0

  const remove = (id: string) => {
    const value = entries.get(id)
    if (!value) {
      return
    }
    entries.delete(id)
    bytes -= value.bytes
    for (const key of value.keys) {
      const ids = byKey.get(key)
      ids?.delete(id)
      if (ids?.size === 0) {
        byKey.delete(key)
      }
    }
  }

  return {
    bytes: () => bytes,
    clear: () => {
      entries.clear()
      byKey.clear()
      bytes = 0
    },
    deleteByKeys: (keys) => {
      let removed = 0
      for (const key of keys) {
        for (const id of [...(byKey.get(key) ?? [])]) {
          remove(id)
          removed += 1
        }
      }
      return removed
    },
    get: (id) => {
      const value = entries.get(id)
      if (value) {
        // Most recently used last, so eviction takes the oldest first.
        entries.delete(id)
        entries.set(id, value)
      }
      return value
    },
    set: (id, value) => {
      remove(id)
      if (value.bytes > maxBytes) {
        return
      }
      entries.set(id, value)
      bytes += value.bytes
      for (const key of value.keys) {
        let ids = byKey.get(key)
        if (!ids) {
          ids = new Set()
          byKey.set(key, ids)
        }
        ids.add(id)
      }
      while (bytes > maxBytes || entries.size > maxEntries) {
        remove(entries.keys().next().value as string)
      }
    },
    size: () => entries.size,
  }
}
