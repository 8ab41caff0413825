import type { Payload } from 'payload'

import {
  bumpGeneration,
  CHANGE_LOG_LENGTH,
  readChangeLog,
  type ChangeLog,
} from '../delivery/generation'
import { invalidateLocalCaches } from '../delivery/localCaches'
import { cacheSettings } from './cacheSettings'

/**
 * How often, at most, an instance reads the shared change log. A publish on another instance
 * is served here within this interval plus one render: well under the promised second.
 */
export const DEFAULT_CHECK_INTERVAL_MS = 250

/** How often the writing instance looks for its own change to have committed. */
const COMMIT_POLL_MS = 25

/** A change that has not shown up by then was rolled back. */
const COMMIT_WAIT_MS = 10_000

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
   * A write through this instance appended `entryId`: look until it has committed, then purge
   * this process's caches again (a render between the hook and the commit read the old
   * content) and hand its keys to the `cache.onPurge` option. `settled` tells when the write's
   * transaction is over: an entry still missing then was overwritten by a concurrent writer's
   * read-modify-write of the log (or rolled back), and is appended again, so no instance misses
   * it (a rolled-back change costs one needless purge).
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

const newKeys = (log: ChangeLog, lastSeen: string): Change => {
  if (lastSeen === '') {
    // Nothing had been written when this instance first looked: all of it is new, unless the
    // log is full and may have lost the oldest entries.
    return log.length < CHANGE_LOG_LENGTH
      ? { all: false, keys: log.flatMap((entry) => entry.keys) }
      : { all: true }
  }
  const index = log.findIndex((entry) => entry.id === lastSeen)
  if (index === -1) {
    return { all: true }
  }
  return { all: false, keys: log.slice(index + 1).flatMap((entry) => entry.keys) }
}

/**
 * What other instances changed, learned from the shared database only: the writer's hooks
 * append each change's keys to a bounded log in the delivery-state global, and every instance
 * reads it at most every `checkIntervalMs` when it serves a request.
 */
export const createChangeFeed = ({
  checkIntervalMs = DEFAULT_CHECK_INTERVAL_MS,
  now = Date.now,
  payload,
}: ChangeFeedOptions): ChangeFeed => {
  const listeners = new Set<ChangeListener>()
  const pending = new Map<string, { keys: string[]; settled: () => boolean; until: number }>()
  let lastSeen: string | undefined
  let checkedAt = Number.NEGATIVE_INFINITY
  let reading: Promise<void> | undefined
  let watching: ReturnType<typeof setTimeout> | undefined
  /** Appends of lost changes under way, which must end before the database goes. */
  const appending = new Set<Promise<unknown>>()
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

  const read = async () => {
    if (stopped) {
      throw new Error(STOPPED)
    }
    const startedAt = now()
    // Only a change whose transaction was over before this read began can be missing from it
    // for good; one that commits while the read runs is simply not in its snapshot yet.
    const settledBefore = new Set(
      [...pending].filter(([, entry]) => entry.settled()).map(([id]) => id),
    )
    const log = await readChangeLog(payload)
    const head = log.at(-1)?.id ?? ''
    if (lastSeen !== undefined && head !== lastSeen) {
      const change = newKeys(log, lastSeen)
      for (const listener of listeners) {
        listener(change)
      }
    }
    lastSeen = head
    checkedAt = startedAt
    const committed: string[] = []
    for (const entry of log) {
      if (pending.delete(entry.id)) {
        committed.push(...entry.keys)
      }
    }
    for (const [id, entry] of pending) {
      if (now() > entry.until) {
        pending.delete(id)
      } else if (settledBefore.has(id)) {
        pending.delete(id)
        // Not awaited: the append may wait on another writer's lock, and readers wait on this
        // read. The watch below picks the new entry up like any other.
        const append = bumpGeneration({ keys: entry.keys, payload }).then(
          (again) => {
            if (!stopped) {
              pending.set(again, { ...entry, settled: () => true })
              watch()
            }
          },
          (error: unknown) =>
            payload.logger.error({ err: error, msg: 'appending a lost change failed' }),
        )
        appending.add(append)
        void append.finally(() => appending.delete(append))
      }
    }
    if (committed.length > 0) {
      const keys = [...new Set(committed)]
      invalidateLocalCaches(keys)
      purgeDownstream(keys)
    }
  }

  const refresh = () => {
    reading ??= read().finally(() => {
      reading = undefined
    })
    return reading
  }

  const watch = () => {
    if (stopped || watching || pending.size === 0) {
      return
    }
    watching = setTimeout(() => {
      watching = undefined
      refresh().then(watch, (error: unknown) => {
        // The database is away (or closed): give up on changes past their wait, keep the rest.
        for (const [id, { until }] of pending) {
          if (now() > until) {
            pending.delete(id)
          }
        }
        if (pending.size === 0) {
          payload.logger.error({ err: error, msg: 'reading the change log failed' })
        }
        watch()
      })
    }, COMMIT_POLL_MS)
    watching.unref()
  }

  /**
   * Run by `payload.destroy()` before the database closes: one last look for the writes still
   * waited for, so a change another writer's append overwrote is appended again for the other
   * instances; then no more reads, and what is under way ends while the database is there.
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
    await Promise.allSettled([reading, ...appending])
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
