import type { Payload } from 'payload'

import type { DeliveryFormat, DeliveryRepresentation } from './encodeRepresentation'
import type { LoadedDelivery } from './renderDeliveryArticle'

import { encodeRepresentation } from './encodeRepresentation'
import { readGeneration } from './generation'
import { registerLocalCache } from './localCaches'
import { loadDeliveryArticle } from './renderDeliveryArticle'
import { siteSettings } from '../siteSettings'
import { renderNinjs } from './renderNinjs'

/**
 * How often, at most, an instance reads the shared generation. A publish on another instance
 * is served here within this interval plus one render: well under the promised second.
 */
export const DEFAULT_CHECK_INTERVAL_MS = 250

const DEFAULT_MAX_ENTRIES = 1000

type Entry = {
  loaded: LoadedDelivery | null
  representations: Partial<Record<DeliveryFormat, DeliveryRepresentation>>
}

export type DeliveryCacheOptions = {
  /** Public origin for ninjs identifiers and links. @default payload.config.serverURL */
  baseUrl?: string
  /** @default 250 */
  checkIntervalMs?: number
  /** Slugs kept (unknown slugs included); the least recently used go first. @default 1000 */
  maxEntries?: number
  /** The clock, in milliseconds; tests move it by hand. @default Date.now */
  now?: () => number
  payload: Payload
}

export type DeliveryCache = {
  /** The representation of the published article, or null when none has the slug. */
  get: (slug: string, format: DeliveryFormat) => Promise<DeliveryRepresentation | null>
  /** Drops everything; the next read also checks the shared generation first. */
  invalidate: () => void
}

/**
 * Rendered articles by slug for one Payload instance. A write made through this process drops
 * the cache at once (see the hooks); a write made elsewhere shows up as a new generation in the
 * database, read at most every `checkIntervalMs`.
 */
export const createDeliveryCache = ({
  baseUrl,
  checkIntervalMs = DEFAULT_CHECK_INTERVAL_MS,
  maxEntries = DEFAULT_MAX_ENTRIES,
  now = Date.now,
  payload,
}: DeliveryCacheOptions): DeliveryCache => {
  const origin = baseUrl ?? payload.config.serverURL ?? ''
  const entries = new Map<string, Entry | Promise<Entry>>()
  // Bumped on every drop, so a render that began before it is not stored after it.
  let epoch = 0
  let seenGeneration: string | undefined
  let checkedAt = Number.NEGATIVE_INFINITY
  let checking: Promise<void> | undefined

  const drop = () => {
    entries.clear()
    epoch += 1
  }

  const ensureFresh = async () => {
    if (now() - checkedAt < checkIntervalMs) {
      return
    }
    checking ??= (async () => {
      const startedAt = now()
      try {
        const generation = await readGeneration(payload)
        if (seenGeneration !== undefined && generation !== seenGeneration) {
          drop()
        }
        seenGeneration = generation
        checkedAt = startedAt
      } finally {
        checking = undefined
      }
    })()
    await checking
  }

  const load = (slug: string): Promise<Entry> => {
    const startedEpoch = epoch
    const pending = loadDeliveryArticle({ payload, slug }).then((loaded): Entry => ({
      loaded,
      representations: {},
    }))
    // Concurrent misses for one slug share this render.
    entries.set(slug, pending)
    if (entries.size > maxEntries) {
      entries.delete(entries.keys().next().value as string)
    }
    return pending.then(
      (entry) => {
        if (epoch === startedEpoch && entries.get(slug) === pending) {
          entries.set(slug, entry)
        }
        return entry
      },
      (error: unknown) => {
        if (entries.get(slug) === pending) {
          entries.delete(slug)
        }
        throw error
      },
    )
  }

  const lookup = async (slug: string): Promise<Entry> => {
    const cached = entries.get(slug)
    if (cached === undefined) {
      return load(slug)
    }
    // Most recently used last, so eviction takes the oldest first.
    entries.delete(slug)
    entries.set(slug, cached)
    return cached
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
    get: async (slug, format) => {
      await ensureFresh()
      return represent(await lookup(slug), format)
    },
    invalidate: () => {
      drop()
      // The write that called this may not have committed yet: look at the generation again
      // on the next read instead of trusting the last one seen.
      checkedAt = Number.NEGATIVE_INFINITY
    },
  }
  registerLocalCache(cache)
  return cache
}

const caches = new WeakMap<Payload, DeliveryCache>()

/** The cache both doors share for a Payload instance. */
export const deliveryCacheFor = (payload: Payload): DeliveryCache => {
  let cache = caches.get(payload)
  if (!cache) {
    cache = createDeliveryCache({ payload })
    caches.set(payload, cache)
  }
  return cache
}
