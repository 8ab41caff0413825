import type { Payload } from 'payload'

import { invalidateLocalCaches } from '../delivery/localCaches'
import { cacheSettings } from './cacheSettings'
import { pruneChanges, readChanges } from './changeLog'

/**
 * How often, at most, an instance reads the shared change log. A publish on another instance
 * is served here within this interval plus one render: well under the promised second.
 */
export const DEFAULT_CHECK_INTERVAL_MS = 250

/**
 * How often the writing instance looks whether its own write's transaction is over: a look at
 * the request in memory, not at the database, which is read once the transaction has ended.
 */
const COMMIT_POLL_MS = 25

/** A write whose transaction has not been seen to end by then is looked for once, then let go. */
const COMMIT_WAIT_MS = 10_000

/**
 * Longer than any write transaction, plus the clock skew tolerated between instances. An entry
 * is stamped when it is inserted, inside its writer's transaction, and is visible to readers
 * only once that transaction commits: up to this long later. See `createChangeFeed`.
 */
export const LATE_COMMIT_WINDOW_MS = 30_000

/** How long entries stay in the log. An instance that has not read it for longer resets. */
export const CHANGE_RETENTION_MS = 10 * 60_000

/** How often, at most, an instance deletes the entries past the retention. */
const PRUNE_EVERY_MS = 60_000

/** Why a read asked for after `payload.destroy()` fails, instead of the adapter's TypeError. */
const STOPPED = 'the change feed stopped: its Payload instance was destroyed (payload.destroy())'

// Payload has no shutdown event, and a feed left running after `payload.destroy()` kept reading
// the log through the destroyed adapter (drizzle empties its tables: "Cannot read properties of
// undefined (reading 'id')"), logging the failure ten seconds later into whatever ran next. So
// the instance's `destroy` is wrapped, once, to stop its feeds first. On a Symbol.for key: Next
// bundles its own copy of this module, and both copies' feeds must stop.
const STOP_ON_DESTROY = Symbol.for('newsroom.cache.stopOnDestroy')

type Stoppable = Payload & { [STOP_ON_DESTROY]?: Set<() => Promise<void>> }

const stopOnDestroy = (payload: Payload, stop: () => Promise<void>) => {
  const holder = payload as Stoppable
  if (typeof payload.destroy !== 'function') {
    return
  }
  let stoppers = holder[STOP_ON_DESTROY]
  if (!stoppers) {
    const registered = new Set<() => Promise<void>>()
    stoppers = registered
    holder[STOP_ON_DESTROY] = registered
    const destroy = payload.destroy.bind(payload)
    payload.destroy = async () => {
      await Promise.all([...registered].map((each) => each()))
      await destroy()
    }
  }
  stoppers.add(stop)
}

/** What changed since the last look: some keys, or more than the log remembers. */
export type Change = { all: true } | { all: false; keys: string[] }

export type ChangeListener = (change: Change) => void

export type ChangeFeed = {
  checkIntervalMs: number
  /** How many of this instance's writes are still waiting to be seen committed in the log. */
  pendingWrites: () => number
  /** True while the last read of the log is younger than `checkIntervalMs`. */
  isFresh: () => boolean
  /** Reads the log now (one read at a time) and tells the listeners what is new. */
  refresh: () => Promise<void>
  subscribe: (listener: ChangeListener) => () => void
  /** Reads the log unless it was read within `checkIntervalMs`. */
  sync: () => Promise<void>
  /**
   * Resolves once a read that began after this call has completed: for a render that must
   * see at least what another cache of this process has already seen (the page cache and the
   * copy of this module Next bundles each have a feed of their own).
   */
  syncFresh: () => Promise<void>
  /**
   * For a busy hot path: reads the log when it is older than `checkIntervalMs`, but waits for
   * the read only when it is older than twice that (an instance that has been idle); otherwise
   * answers at once with what it has while the read runs, so no request queues behind the
   * query. A change is then served within two intervals plus one read: still under a second.
   */
  syncSoon: () => Promise<void> | undefined
  /**
   * A write through this instance appended the entry `entryId`: once its transaction is over
   * (`settled`), read the log, and when the entry is there purge this process's caches again (a
   * render between the hook and the commit read the old content) and hand its keys to the
   * `cache.onPurge` option. An entry missing from a read that began after the transaction
   * ended was rolled back, and is let go.
   */
  wrote: (entryId: string, keys: string[], settled?: () => boolean) => void
}

export type ChangeFeedOptions = {
  /** @default 250 */
  checkIntervalMs?: number
  /** The clock, in milliseconds; tests move it by hand. @default Date.now */
  now?: () => number
  payload: Payload
}

type PendingWrite = { keys: string[]; settled: () => boolean; until: number }

/**
 * What other instances changed, learned from the shared database only: the writer's hooks
 * append one entry per change to the change log (`appendChange`, in the write's transaction),
 * and every instance reads it at most every `checkIntervalMs` when it serves a request.
 *
 * Reading from where the last read left off, without losing a late commit: an entry's
 * `createdAt` is stamped at its insert, but it becomes visible only when its transaction
 * commits, so a reader can see a newer entry before an older one (SQL serial ids have the same
 * gap, which is why they are not used). Every entry the last read could not see was therefore
 * stamped after that read began, less `LATE_COMMIT_WINDOW_MS` (the longest transaction plus the
 * clock skew between the writer and this instance). Each read asks for the entries stamped since
 * then, and reports the ones whose tokens it has not seen; it remembers the tokens as far back
 * as the next read will ask. The bound is also held to the newest stamp seen, less the window:
 * were this instance's clock ahead of the writers', the bound follows theirs instead of passing
 * over their newest entries.
 *
 * The log is kept for `CHANGE_RETENTION_MS` (any reader deletes older entries, now and then);
 * an instance that has not read it for that long, less the window, may have missed entries
 * deleted meanwhile and tells its listeners that everything changed. Its first read only sets
 * where it starts: its caches hold nothing older.
 */
export const createChangeFeed = ({
  checkIntervalMs = DEFAULT_CHECK_INTERVAL_MS,
  now = Date.now,
  payload,
}: ChangeFeedOptions): ChangeFeed => {
  const listeners = new Set<ChangeListener>()
  const pending = new Map<string, PendingWrite>()
  /** The tokens seen, with their stamps, as far back as the next read reaches. */
  const seen = new Map<string, number>()
  /** The newest stamp seen, by its writer's clock. */
  let newestSeen: number | undefined
  /** The oldest stamp the next read asks for; undefined before the first read. */
  let from: number | undefined
  /** When the last read began, by `now`; undefined before the first. */
  let lastReadAt: number | undefined
  let checkedAt = Number.NEGATIVE_INFINITY
  let prunedAt = Number.NEGATIVE_INFINITY
  let reading: Promise<void> | undefined
  let watching: ReturnType<typeof setTimeout> | undefined
  /** Deletions of old entries under way, which must end before the database goes. */
  const pruning = new Set<Promise<unknown>>()
  let stopped = false

  const purgeDownstream = (keys: string[]) => {
    const { onPurge } = cacheSettings(payload.config)
    if (!onPurge || keys.length === 0) {
      return
    }
    const call = () =>
      Promise.resolve()
        .then(() => onPurge(keys))
        .catch((error: unknown) =>
          payload.logger.error({ err: error, keys, msg: 'cache purge callback failed' }),
        )
    void call()
    // Once more after every other instance has had time to look at the log: a CDN that
    // refetched from one of them in between may have been given the old page.
    setTimeout(call, checkIntervalMs * 2 + 100).unref()
  }

  /** Not awaited by the read: a delete may wait on a writer's lock, and readers wait on reads. */
  const pruneNowAndThen = (at: number) => {
    if (at - prunedAt < PRUNE_EVERY_MS) {
      return
    }
    prunedAt = at
    const prune = pruneChanges(payload, at - CHANGE_RETENTION_MS).catch((error: unknown) =>
      payload.logger.error({ err: error, msg: 'deleting old change-log entries failed' }),
    )
    pruning.add(prune)
    void prune.finally(() => pruning.delete(prune))
  }

  const read = async () => {
    if (stopped) {
      throw new Error(STOPPED)
    }
    const startedAt = now()
    // Only a write whose transaction was over before this read began can be missing from it
    // for good; one that commits while the read runs is simply not in its snapshot yet.
    const settledBefore = new Set(
      [...pending]
        .filter(([, write]) => write.settled() || startedAt > write.until)
        .map(([id]) => id),
    )
    const since = from ?? startedAt - LATE_COMMIT_WINDOW_MS
    const entries = await readChanges(payload, since)
    const fresh = entries.filter((entry) => !seen.has(entry.id))
    for (const entry of fresh) {
      seen.set(entry.id, entry.createdAt)
      newestSeen = Math.max(newestSeen ?? entry.createdAt, entry.createdAt)
    }
    if (lastReadAt !== undefined) {
      const lost = startedAt - lastReadAt > CHANGE_RETENTION_MS - LATE_COMMIT_WINDOW_MS
      const change: Change | undefined = lost
        ? { all: true }
        : fresh.length > 0
          ? { all: false, keys: [...new Set(fresh.flatMap((entry) => entry.keys))] }
          : undefined
      if (change) {
        for (const listener of listeners) {
          listener(change)
        }
      }
    }
    lastReadAt = startedAt
    checkedAt = startedAt
    const committed: string[] = []
    for (const [id, write] of pending) {
      // Seen now, or by a read that ran between the append and the call to `wrote`.
      if (seen.has(id)) {
        pending.delete(id)
        committed.push(...write.keys)
      } else if (settledBefore.has(id)) {
        // Rolled back (or its transaction never seen to end): nothing to purge for it.
        pending.delete(id)
      }
    }
    // Never back past what this read asked for (it knows nothing older), and the older tokens
    // need not be remembered: the next read does not ask for them.
    from = Math.max(since, Math.min(startedAt, newestSeen ?? startedAt) - LATE_COMMIT_WINDOW_MS)
    for (const [id, createdAt] of seen) {
      if (createdAt < from) {
        seen.delete(id)
      }
    }
    if (committed.length > 0) {
      const keys = [...new Set(committed)]
      invalidateLocalCaches(keys)
      purgeDownstream(keys)
    }
    pruneNowAndThen(startedAt)
  }

  const refresh = () => {
    reading ??= read().finally(() => {
      reading = undefined
    })
    return reading
  }

  /** Reads the log once one of this instance's writes has ended; until then, looks again. */
  const watch = () => {
    if (stopped || watching || pending.size === 0) {
      return
    }
    watching = setTimeout(() => {
      watching = undefined
      const at = now()
      // Also every check interval: a write whose transaction's end this instance cannot see
      // (FerretDB keeps `req.transactionID` after the write) is found by the next read anyway.
      const due =
        at - checkedAt >= checkIntervalMs ||
        [...pending.values()].some((write) => write.settled() || at > write.until)
      if (!due) {
        watch()
        return
      }
      refresh().then(watch, (error: unknown) => {
        if (stopped) {
          return
        }
        // The database is away: the writes past their wait are let go, the rest looked for again.
        for (const [id, { until }] of pending) {
          if (now() > until) {
            pending.delete(id)
          }
        }
        payload.logger.error({ err: error, msg: 'reading the change log failed' })
        watch()
      })
    }, COMMIT_POLL_MS)
    watching.unref()
  }

  /**
   * Run by `payload.destroy()` before the database closes: one last look for this instance's
   * writes still waited for, so those that committed are purged downstream; then no more
   * reads, and what is under way ends while the database is there.
   */
  const stop = async () => {
    if (pending.size > 0 && !stopped) {
      await refresh().catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'reading the change log failed' }),
      )
    }
    stopped = true
    clearTimeout(watching)
    watching = undefined
    pending.clear()
    // Their outcome is their callers' to handle: here only their end is awaited.
    await Promise.allSettled([reading, ...pruning])
  }
  stopOnDestroy(payload, stop)

  return {
    checkIntervalMs,
    pendingWrites: () => pending.size,
    isFresh: () => now() - checkedAt < checkIntervalMs,
    refresh,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    sync: () => (now() - checkedAt < checkIntervalMs ? Promise.resolve() : refresh()),
    syncFresh: async () => {
      // The read under way may have begun before what the caller knows of was committed.
      await reading?.catch(() => undefined)
      await refresh()
    },
    syncSoon: () => {
      const age = now() - checkedAt
      if (age < checkIntervalMs) {
        return undefined
      }
      if (age >= checkIntervalMs * 2) {
        return refresh()
      }
      // One read for every request that finds the log due, and one handler on it.
      if (!reading) {
        refresh().catch((error: unknown) =>
          payload.logger.error({ err: error, msg: 'reading the change log failed' }),
        )
      }
      return undefined
    },
    wrote: (entryId, keys, settled = () => true) => {
      if (stopped) {
        // A write that committed as the instance shut down: the log has it for the others.
        return
      }
      pending.set(entryId, { keys, settled, until: now() + COMMIT_WAIT_MS })
      // The next read must look again: the write may not have committed when it was announced.
      checkedAt = Number.NEGATIVE_INFINITY
      watch()
    },
  }
}

// On globalThis, like the local caches' registry: Next bundles its own copy of this module, and
// its pages get the server's Payload instance from getPayload (Payload keeps it on `global`),
// so one instance is one feed, one reader of the log, whichever copy asks first.
const FEEDS = Symbol.for('newsroom.cache.changeFeeds')

type GlobalWithFeeds = typeof globalThis & { [FEEDS]?: WeakMap<Payload, ChangeFeed> }

/** The change feed every cache of a Payload instance shares, in every copy of this module. */
export const changeFeedFor = (payload: Payload): ChangeFeed => {
  const holder = globalThis as GlobalWithFeeds
  const feeds = (holder[FEEDS] ??= new WeakMap())
  let feed = feeds.get(payload)
  if (!feed) {
    feed = createChangeFeed({ payload })
    feeds.set(payload, feed)
  }
  return feed
}
