import type { Payload } from 'payload'

import type { RawHandler } from '../server/beforeExpress'
import type { CdnPolicy } from './cdnHeaders'
import type { PageCache } from './pageCache'

import { changeFeedFor } from 'payload-plugin-newsroom/delivery'

import { DEFAULT_CDN_POLICY } from './cdnHeaders'
import { createPageCache, DEFAULT_PAGE_CACHE_BYTES } from './pageCache'
import { pageCacheHandler } from './pageCacheHandler'
import { renderThroughNext } from './renderThroughNext'

type Env = Record<string, string | undefined>

export type SitePageCacheSettings = {
  enabled: boolean
  maxBytes: number
  policy: CdnPolicy
}

const seconds = (value: string | undefined, fallback: number): number => {
  const parsed = value === undefined || value === '' ? Number.NaN : Number(value)
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback
}

/**
 * `NEWSROOM_PAGE_CACHE=off` turns it off; `NEWSROOM_PAGE_CACHE_BYTES` bounds it;
 * `NEWSROOM_PAGE_S_MAXAGE`, `…_STALE_WHILE_REVALIDATE`, `…_STALE_IF_ERROR` (seconds) set what
 * shared caches are told.
 */
export const pageCacheSettings = (env: Env = process.env): SitePageCacheSettings => ({
  enabled: env.NEWSROOM_PAGE_CACHE !== 'off',
  maxBytes: seconds(env.NEWSROOM_PAGE_CACHE_BYTES, DEFAULT_PAGE_CACHE_BYTES),
  policy: {
    sMaxAge: seconds(env.NEWSROOM_PAGE_S_MAXAGE, DEFAULT_CDN_POLICY.sMaxAge),
    staleIfError: seconds(env.NEWSROOM_PAGE_STALE_IF_ERROR, DEFAULT_CDN_POLICY.staleIfError),
    staleWhileRevalidate: seconds(
      env.NEWSROOM_PAGE_STALE_WHILE_REVALIDATE,
      DEFAULT_CDN_POLICY.staleWhileRevalidate,
    ),
  },
})

export type SitePageCache = {
  cache: PageCache
  handler: RawHandler
  /** Where misses are rendered: this server's own address, known once it listens. */
  setOrigin: (origin: string) => void
}

/** The site's render cache, wired to the instance's change feed and to this server's Next. */
export const sitePageCache = ({
  payload,
  settings = pageCacheSettings(),
}: {
  payload: Payload
  settings?: SitePageCacheSettings
}): SitePageCache => {
  let origin: string | undefined
  const feed = changeFeedFor(payload)
  const cache = createPageCache({
    feed,
    maxBytes: settings.maxBytes,
    policy: settings.policy,
    render: (path, renderId) => {
      if (!origin) {
        return Promise.reject(new Error('the page cache renders only once the server listens'))
      }
      return renderThroughNext({ origin, path, renderId })
    },
  })
  const handler = pageCacheHandler({
    cache,
    feed,
    onError: (error, path) => payload.logger.error({ err: error, msg: 'page cache failed', path }),
    sessionCookie: `${payload.config.cookiePrefix ?? 'payload'}-token`,
  })
  return {
    cache,
    handler,
    setOrigin: (value) => {
      origin = value.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:')
    },
  }
}
