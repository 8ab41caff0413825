import type { ChangeFeed } from 'payload-plugin-newsroom/delivery'

import type { CdnPolicy } from './cdnHeaders'
import type { Encoding, StoredVariant } from './encodeVariants'
import type { PageRoute } from './pageRoutes'
import type { RenderedPage } from './renderThroughNext'

import { createKeyedStore, isValidKey, registerLocalCache } from 'payload-plugin-newsroom/delivery'

import { randomUUID } from 'node:crypto'

import {
  cacheTagHeader,
  DEFAULT_CDN_POLICY,
  notFoundCacheControl,
  pageCacheControl,
  surrogateKeyHeader,
} from './cdnHeaders'
import { encodeVariants, storedVariants } from './encodeVariants'
import { beginRender, endRender } from './renderKeys'

/** 64 MiB: a thousand story pages in three encodings, with room for the front page and feeds. */
export const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024

/** One encoding of a stored page, with every header it goes out with. */
export type PageVariant = StoredVariant

export type PageEntry = {
  bytes: number
  keys: readonly string[]
  status: number
  variants: Record<Encoding, PageVariant>
}

/** What a miss produced when the page may not be stored: sent once as it came. */
export type UncachedPage = { page: RenderedPage; uncached: true }

export type PageCacheOptions = {
  /** Where changes made by any instance are learned. */
  feed: ChangeFeed
  /** Bytes held, all encodings counted; least recently used pages go first. @default 64 MiB */
  maxBytes?: number
  policy?: CdnPolicy
  /** Renders a page through Next as an anonymous reader. */
  render: (path: string, renderId: string) => Promise<RenderedPage>
}

export type PageCacheStats = {
  bytes: number
  entries: number
  hits: number
  kind: 'page'
  misses: number
  purged: number
}

export type PageCache = {
  /** A stored page, or undefined; does not check freshness (call `feed.sync()` first). */
  get: (id: string) => PageEntry | undefined
  invalidate: (keys?: readonly string[]) => void
  /** Renders (once, however many readers miss at the same time) and stores when it may. */
  miss: (id: string, route: PageRoute, path: string) => Promise<PageEntry | UncachedPage>
  stats: () => PageCacheStats
}

/** Pages, their 404s, and an old story URL's 301 (purged with its redirect or its story). */
const STORABLE_STATUSES = new Set([200, 301, 404])

/** Only what the page is, not how Next happened to send it (no cookies, no caching of its own). */
const storable = (page: RenderedPage): boolean =>
  STORABLE_STATUSES.has(page.status) &&
  (page.status !== 301 || typeof page.headers.location === 'string') &&
  page.headers['set-cookie'] === undefined &&
  !page.headers['content-encoding']

const buildEntry = async (
  page: RenderedPage,
  keys: readonly string[],
  policy: CdnPolicy,
): Promise<PageEntry> => {
  const encoded = await encodeVariants(page.body)
  const common: Record<string, string> = {
    'Cache-Control': page.status === 404 ? notFoundCacheControl(policy) : pageCacheControl(policy),
    'Content-Type': String(page.headers['content-type'] ?? 'text/html; charset=utf-8'),
    Vary: 'Accept-Encoding',
  }
  if (page.status === 301) {
    common.Location = String(page.headers.location ?? '/')
  }
  if (keys.length > 0) {
    common['Surrogate-Key'] = surrogateKeyHeader(keys)
    common['Cache-Tag'] = cacheTagHeader(keys)
  }
  const variants = storedVariants(encoded, common)
  const bytes =
    variants.br.body.length + variants.gzip.body.length + variants.identity.body.length + 1024
  return { bytes, keys, status: page.status, variants }
}

/**
 * Rendered anonymous pages, ready to send in each encoding, purged by the keys of the documents
 * they show when the change feed (this process's writes, and the shared log for the others')
 * names them.
 */
export const createPageCache = ({
  feed,
  maxBytes = DEFAULT_PAGE_CACHE_BYTES,
  policy = DEFAULT_CDN_POLICY,
  render,
}: PageCacheOptions): PageCache => {
  const store = createKeyedStore<PageEntry, PageEntry | UncachedPage>({ feed, maxBytes })
  const { clock, counts, entries, invalidate } = store

  const renderAndStore = async (
    id: string,
    route: PageRoute,
    path: string,
  ): Promise<PageEntry | UncachedPage> => {
    const started = clock.now()
    const renderId = randomUUID()
    beginRender(renderId)
    let page: RenderedPage
    let recorded: string[]
    try {
      page = await render(path, renderId)
    } finally {
      recorded = endRender(renderId)
    }
    const keys = [
      ...new Set([...route.staticKeys, ...(page.status === 404 ? route.notFoundKeys : recorded)]),
    ].filter(isValidKey)
    // A page that should have named its documents and did not is never stored: nothing would
    // ever purge it.
    const named = !route.recordsKeys || page.status === 404 || recorded.length > 0
    if (!storable(page) || !named) {
      return { page, uncached: true }
    }
    const entry = await buildEntry(page, keys, policy)
    if (!clock.invalidatedSince(started, keys)) {
      entries.set(id, entry)
    }
    return entry
  }

  const cache: PageCache = {
    get: (id) => {
      const entry = entries.get(id)
      if (entry) {
        counts.hits += 1
      }
      return entry
    },
    invalidate,
    miss: (id, route, path) => store.miss(id, () => renderAndStore(id, route, path)),
    stats: () => ({ bytes: entries.bytes(), entries: entries.size(), kind: 'page', ...counts }),
  }
  registerLocalCache(cache)
  return cache
}
