import type { ChangeFeed } from './changeFeed'
import type { InvalidationClock } from './invalidationClock'
import type { Tagged, TaggedLru } from './taggedLru'

import { createInvalidationClock } from './invalidationClock'
import { createTaggedLru } from './taggedLru'

export type KeyedStore<Entry extends Tagged, Miss> = {
  /** Tells an answer begun before a change from one begun after it. */
  clock: InvalidationClock
  entries: TaggedLru<Entry>
  /** Drops what shows any of the keys (everything without keys), and forgets misses under way. */
  invalidate: (keys?: readonly string[]) => void
  /** The miss under way for `id`, or `make()`'s, shared by everyone who asks meanwhile. */
  miss: (id: string, make: () => Promise<Miss>) => Promise<Miss>
  /** Hits, misses and entries purged so far. */
  counts: { hits: number; misses: number; purged: number }
}

/**
 * The core of a cache that follows the newsroom's changes, the delivery cache's and a host's own
 * (this app's page and API caches): answers tagged by surrogate key in a bounded LRU, purged by
 * the change feed, and one answer made per id at a time. Store an answer only when
 * `clock.invalidatedSince(clock.now() taken before making it, its keys)` is false.
 */
export const createKeyedStore = <Entry extends Tagged, Miss>({
  feed,
  maxBytes,
  maxEntries,
}: {
  feed: ChangeFeed
  /** Bytes kept (each entry's `bytes`); the least recently used go first. */
  maxBytes: number
  /** Entries kept; the least recently used go first. @default unbounded */
  maxEntries?: number
}): KeyedStore<Entry, Miss> => {
  const entries = createTaggedLru<Entry>({ maxBytes, maxEntries })
  const underWay = new Map<string, Promise<Miss>>()
  const clock = createInvalidationClock()
  const counts = { hits: 0, misses: 0, purged: 0 }
  const invalidate = (keys?: readonly string[]) => {
    clock.invalidate(keys)
    if (keys) {
      counts.purged += entries.deleteByKeys(keys)
    } else {
      counts.purged += entries.size()
      entries.clear()
    }
    // An answer being made may have read the old content: later readers ask anew.
    underWay.clear()
  }
  feed.subscribe((change) => invalidate(change.all ? undefined : change.keys))
  const miss = (id: string, make: () => Promise<Miss>) => {
    let made = underWay.get(id)
    if (!made) {
      counts.misses += 1
      made = make()
      underWay.set(id, made)
      const forget = () => {
        if (underWay.get(id) === made) {
          underWay.delete(id)
        }
      }
      made.then(forget, forget)
    }
    return made
  }
  return { clock, counts, entries, invalidate, miss }
}
