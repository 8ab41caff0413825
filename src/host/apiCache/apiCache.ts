import type { ChangeFeed } from 'payload-plugin-newsroom/delivery'

import type { CdnPolicy } from '../pageCache/cdnHeaders'
import type { Encoding, StoredVariant } from '../pageCache/encodeVariants'
import type { RenderedPage } from '../pageCache/renderThroughNext'
import type { ApiCacheRequest } from './apiRequest'

import {
  beginApiRead,
  createKeyedStore,
  endApiRead,
  isValidKey,
  registerLocalCache,
} from 'payload-plugin-newsroom/delivery'

import { randomUUID } from 'node:crypto'

import {
  cacheTagHeader,
  DEFAULT_CDN_POLICY,
  pageCacheControl,
  surrogateKeyHeader,
} from '../pageCache/cdnHeaders'
import { encodeVariants, storedVariants } from '../pageCache/encodeVariants'

/** 32 MiB: thousands of list and record answers in three encodings. */
export const DEFAULT_API_CACHE_BYTES = 32 * 1024 * 1024

/**
 * An answer is kept this long at most, however quiet its records: what depends on the clock
 * alone (a person's current position) moves within it, as it does behind a CDN's s-maxage.
 */
export const DEFAULT_API_CACHE_MAX_AGE_MS = 60_000

/** The headers of Payload's answer that belong to it, whoever asks (CORS's origin is added per request). */
const KEPT_HEADERS = [
  'access-control-allow-headers',
  'access-control-allow-methods',
  'content-type',
]

export type ApiVariant = StoredVariant

export type ApiEntry = {
  bytes: number
  /** `Date.now()` past which the entry is not served. */
  expiresAt: number
  keys: readonly string[]
  variants: Record<Encoding, ApiVariant>
}

/** An answer that may not be kept, with why: sent once as it came. */
export type UncachedAnswer = { answer: RenderedPage; reason: string; uncached: true }

export type ApiCacheStats = {
  bytes: number
  entries: number
  hits: number
  kind: 'api'
  misses: number
  purged: number
  uncached: number
}

export type ApiCache = {
  /** A kept answer, or undefined; does not read the change log (call `feed.syncSoon()` first). */
  get: (id: string) => ApiEntry | undefined
  invalidate: (keys?: readonly string[]) => void
  /** Asks Payload (once, however many readers miss at the same time) and keeps what it may. */
  miss: (request: ApiCacheRequest) => Promise<ApiEntry | UncachedAnswer>
  stats: () => ApiCacheStats
}

export type ApiCacheOptions = {
  feed: ChangeFeed
  /** @default 32 MiB */
  maxBytes?: number
  /** @default 60 s */
  maxAgeMs?: number
  policy?: CdnPolicy
  /** Sends the request to Payload as an anonymous reader, carrying the recording's id. */
  render: (request: ApiCacheRequest, readId: string) => Promise<RenderedPage>
}

/** Why Payload's answer may not be kept, if it may not. */
const unkeepable = (request: ApiCacheRequest, answer: RenderedPage): null | string => {
  const { headers, status } = answer
  if (status !== 200) {
    return `status ${status}`
  }
  if (headers['set-cookie'] !== undefined) {
    return 'it sets a cookie'
  }
  if (/\b(?:private|no-store)\b/i.test(String(headers['cache-control'] ?? ''))) {
    return `Cache-Control: ${String(headers['cache-control'])}`
  }
  if (headers['content-encoding'] || !/json/i.test(String(headers['content-type'] ?? ''))) {
    return 'not a JSON answer as it is'
  }
  if (request.kind === 'graphql') {
    try {
      const body = JSON.parse(answer.body.toString('utf8')) as { errors?: unknown }
      if (body.errors !== undefined) {
        return 'GraphQL errors'
      }
    } catch {
      return 'GraphQL answer that is not JSON'
    }
  }
  return null
}

const buildEntry = async (
  answer: RenderedPage,
  keys: readonly string[],
  policy: CdnPolicy,
  expiresAt: number,
): Promise<ApiEntry> => {
  const encoded = await encodeVariants(answer.body)
  const common: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = answer.headers[name]
    if (typeof value === 'string') {
      common[name] = value
    }
  }
  Object.assign(common, {
    'Cache-Control': pageCacheControl(policy),
    'Cache-Tag': cacheTagHeader(keys),
    'Surrogate-Key': surrogateKeyHeader(keys),
    // A CDN keeps one copy per encoding, and per Origin for CORS's allowed origin.
    Vary: 'Accept-Encoding, Origin',
  })
  const variants = storedVariants(encoded, common)
  const bytes =
    variants.br.body.length + variants.gzip.body.length + variants.identity.body.length + 1024
  return { bytes, expiresAt, keys, variants }
}

/**
 * Anonymous REST and GraphQL answers, ready to send in each encoding, purged by the keys of the
 * records they read (recorded by the plugin's hooks while Payload built them) when the change
 * feed names them, on every instance.
 */
export const createApiCache = ({
  feed,
  maxAgeMs = DEFAULT_API_CACHE_MAX_AGE_MS,
  maxBytes = DEFAULT_API_CACHE_BYTES,
  policy = DEFAULT_CDN_POLICY,
  render,
}: ApiCacheOptions): ApiCache => {
  const store = createKeyedStore<ApiEntry, ApiEntry | UncachedAnswer>({ feed, maxBytes })
  const { clock, entries, invalidate } = store
  const counts = Object.assign(store.counts, { uncached: 0 })

  const askAndKeep = async (request: ApiCacheRequest): Promise<ApiEntry | UncachedAnswer> => {
    const started = clock.now()
    const expiresAt = Date.now() + maxAgeMs
    const readId = randomUUID()
    beginApiRead(readId)
    let answer: RenderedPage
    let read: ReturnType<typeof endApiRead>
    try {
      answer = await render(request, readId)
    } finally {
      read = endApiRead(readId)
    }
    const keys = [...read.keys]
    const reason =
      unkeepable(request, answer) ??
      read.uncacheable ??
      // An answer that named nothing it read would never be purged.
      (keys.length === 0 ? 'it recorded no keys' : null) ??
      (keys.every(isValidKey) ? null : 'a key unfit for a header')
    if (reason) {
      counts.uncached += 1
      return { answer, reason, uncached: true }
    }
    const entry = await buildEntry(answer, keys, policy, expiresAt)
    if (!clock.invalidatedSince(started, keys)) {
      entries.set(request.id, entry)
    }
    return entry
  }

  const cache: ApiCache = {
    get: (id) => {
      const entry = entries.get(id)
      if (!entry) {
        return undefined
      }
      if (entry.expiresAt <= Date.now()) {
        // Replaced by the miss that follows.
        return undefined
      }
      counts.hits += 1
      return entry
    },
    invalidate,
    miss: (request) => store.miss(request.id, () => askAndKeep(request)),
    stats: () => ({ bytes: entries.bytes(), entries: entries.size(), kind: 'api', ...counts }),
  }
  registerLocalCache(cache)
  return cache
}
