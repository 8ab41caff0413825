import type { Payload } from 'payload'

import type { ChangeFeed } from '../cache/changeFeed'
import type { DeliveryFormat, DeliveryRepresentation } from './encodeRepresentation'
import type { LocalCacheStats } from './localCaches'
import type { LoadedDelivery } from './renderDeliveryArticle'

import { cacheSettings } from '../cache/cacheSettings'
import { changeFeedFor, createChangeFeed, DEFAULT_CHECK_INTERVAL_MS } from '../cache/changeFeed'
import { createKeyedStore } from '../cache/keyedStore'
import { ARTICLE_LIST_KEY } from '../cache/keys'
import { encodeRepresentation } from './encodeRepresentation'
import { registerLocalCache } from './localCaches'
import { loadDeliveryArticle } from './renderDeliveryArticle'
import { movedArticle, type MovedArticle } from '../redirects/movedArticle'
import { siteSettings } from '../siteSettings'
import { renderNinjs } from './renderNinjs'

export { DEFAULT_CHECK_INTERVAL_MS }

const DEFAULT_MAX_ENTRIES = 1000

/**
 * 32 MiB of JSON: a thousand articles of the usual length (10–20 kB each) fit with room, and a
 * newsroom of long reads is held to a bound (the loaded articles take a few times their JSON on
 * the heap).
 */
export const DEFAULT_DELIVERY_CACHE_BYTES = 32 * 1024 * 1024

type Entry = {
  bytes: number
  keys: readonly string[]
  loaded: LoadedDelivery | null
  /** For a slug no live story has: where the story that had it now answers. */
  moved: MovedArticle | null
  representations: Partial<Record<DeliveryFormat, DeliveryRepresentation>>
}

export type DeliveryCacheOptions = {
  /** Public origin for ninjs identifiers and links. @default payload.config.serverURL */
  baseUrl?: string
  /** How often, at most, the shared change log is read. @default 250 */
  checkIntervalMs?: number
  /** Where changes are learned from. @default the instance's shared feed, or one of its own when `checkIntervalMs` or `now` is given */
  feed?: ChangeFeed
  /** Bytes of article JSON kept; the least recently used go first. @default 32 MiB */
  maxBytes?: number
  /** Slugs kept (unknown slugs included); the least recently used go first. @default 1000 */
  maxEntries?: number
  /** The clock, in milliseconds; tests move it by hand. @default Date.now */
  now?: () => number
  payload: Payload
}

export type DeliveryCache = {
  /** The representation of the published article, or null when none has the slug. */
  get: (slug: string, format: DeliveryFormat) => Promise<DeliveryRepresentation | null>
  /** Drops what shows any of the keys (everything without keys). */
  invalidate: (keys?: readonly string[]) => void
  /**
   * The published article as loaded (its shape, keys and last change), or null. With `fresh`,
   * only after a read of the change log that began after the call: what a render for a page
   * cache needs, since that cache may already have seen a change this one has not.
   */
  load: (slug: string, options?: { fresh?: boolean }) => Promise<LoadedDelivery | null>
  /** For a slug no live story has: the live slug of the story that had it (a redirect), or null. */
  movedTo: (slug: string) => Promise<null | string>
  /**
   * The representation, at once, when the article is held and the change log need not be
   * waited for; undefined otherwise (call `get`). What a hot path answers without a promise.
   */
  peek: (slug: string, format: DeliveryFormat) => DeliveryRepresentation | undefined
  /** Entries held, and the bytes of their JSON. */
  stats: () => LocalCacheStats
}

/**
 * Rendered articles by slug for one Payload instance. A write made through this process purges
 * what it touched at once (see the hooks); a write made elsewhere shows up in the shared change
 * log, read at most every `checkIntervalMs`, and purges the same keys here.
 */
export const createDeliveryCache = ({
  baseUrl,
  checkIntervalMs,
  feed: givenFeed,
  maxBytes = DEFAULT_DELIVERY_CACHE_BYTES,
  maxEntries = DEFAULT_MAX_ENTRIES,
  now,
  payload,
}: DeliveryCacheOptions): DeliveryCache => {
  const origin = baseUrl ?? payload.config.serverURL ?? ''
  const feed =
    givenFeed ??
    (checkIntervalMs !== undefined || now !== undefined
      ? createChangeFeed({ checkIntervalMs, now, payload })
      : changeFeedFor(payload))
  // Concurrent misses for one slug share one render (`miss`).
  const { clock, entries, invalidate, miss } = createKeyedStore<Entry, Entry>({
    feed,
    maxBytes,
    maxEntries,
  })

  const load = (slug: string): Promise<Entry> => {
    const started = clock.now()
    return loadDeliveryArticle({ payload, slug }).then(async (loaded): Promise<Entry> => {
      // An old slug of a story renamed since: held with the redirect and the story's keys, so
      // changing either purges it.
      const moved = loaded ? null : await movedArticle(payload, slug)
      // The JSON every reader of the API gets, made now so its size is known: the measure of
      // the entry against `maxBytes` (the loaded object it was made from takes a few times
      // that on the heap).
      const json = loaded
        ? encodeRepresentation(loaded.delivery, 'json', loaded.lastModified)
        : undefined
      const entry: Entry = {
        bytes: json ? json.body.length : 0,
        // An unknown slug becomes an article when something is published.
        keys: loaded ? loaded.keys : [ARTICLE_LIST_KEY, ...(moved?.keys ?? [])],
        loaded,
        moved,
        representations: json ? { json } : {},
      }
      if (!clock.invalidatedSince(started, entry.keys)) {
        entries.set(slug, entry)
      }
      return entry
    })
  }

  const lookup = async (slug: string, fresh = false): Promise<Entry> => {
    // A busy instance answers from what it has while the log is read (at most every
    // `checkIntervalMs`), instead of queueing every request that arrives during the read
    // behind it; one that has not looked for two intervals waits (see syncSoon).
    const reading = fresh ? feed.syncFresh() : feed.syncSoon()
    if (reading) {
      await reading
    }
    return entries.get(slug) ?? miss(slug, () => load(slug))
  }

  const represent = (entry: Entry, format: DeliveryFormat): DeliveryRepresentation | null => {
    const { loaded } = entry
    if (!loaded) {
      return null
    }
    entry.representations[format] ??=
      format === 'ninjs'
        ? encodeRepresentation(
            renderNinjs(loaded.delivery, {
              baseUrl: origin,
              lastModified: loaded.lastModified,
              paths: siteSettings(payload.config),
            }),
            format,
            loaded.lastModified,
          )
        : encodeRepresentation(loaded.delivery, format, loaded.lastModified)
    return entry.representations[format]
  }

  const cache: DeliveryCache = {
    get: async (slug, format) => represent(await lookup(slug), format),
    invalidate,
    load: async (slug, options) => (await lookup(slug, options?.fresh)).loaded,
    movedTo: async (slug) => (await lookup(slug)).moved?.slug ?? null,
    peek: (slug, format) => {
      if (feed.syncSoon()) {
        // Not read for two intervals: the caller's `get` waits for the read this started.
        return undefined
      }
      const entry = entries.get(slug)
      return entry ? (represent(entry, format) ?? undefined) : undefined
    },
    stats: () => ({ bytes: entries.bytes(), entries: entries.size(), kind: 'delivery' }),
  }
  registerLocalCache(cache)
  return cache
}

// On globalThis: the site's pages run in the copy of this module Next bundles, with the same
// Payload instance as the server's delivery doors (getPayload keeps it on `global`); without
// this each copy held every article a second time.
const CACHES = Symbol.for('newsroom.delivery.caches')

type GlobalWithCaches = typeof globalThis & { [CACHES]?: WeakMap<Payload, DeliveryCache> }

/** The cache both doors, and the site's pages, share for a Payload instance. */
export const deliveryCacheFor = (payload: Payload): DeliveryCache => {
  const holder = globalThis as GlobalWithCaches
  const caches = (holder[CACHES] ??= new WeakMap())
  let cache = caches.get(payload)
  if (!cache) {
    const { deliveryMaxBytes, deliveryMaxEntries } = cacheSettings(payload.config)
    cache = createDeliveryCache({
      maxBytes: deliveryMaxBytes,
      maxEntries: deliveryMaxEntries,
      payload,
    })
    caches.set(payload, cache)
  }
  return cache
}
