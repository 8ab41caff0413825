import type { Payload } from 'payload'

import type { RawHandler } from '../server/beforeExpress'
import type { CdnPolicy } from '../pageCache/cdnHeaders'
import type { ApiCache } from './apiCache'

import { API_READ_HEADER, changeFeedFor } from 'payload-plugin-newsroom/delivery'

import { DEFAULT_CDN_POLICY } from '../pageCache/cdnHeaders'
import { renderThroughNext } from '../pageCache/renderThroughNext'
import { createApiCache, DEFAULT_API_CACHE_BYTES, DEFAULT_API_CACHE_MAX_AGE_MS } from './apiCache'
import { apiCacheHandler } from './apiCacheHandler'

type Env = Record<string, string | undefined>

export type SiteApiCacheSettings = {
  enabled: boolean
  maxAgeMs: number
  maxBytes: number
}

const wholeNumber = (value: string | undefined, fallback: number): number => {
  const parsed = value === undefined || value === '' ? Number.NaN : Number(value)
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback
}

/**
 * `NEWSROOM_API_CACHE=off` turns it off; `NEWSROOM_API_CACHE_BYTES` bounds it;
 * `NEWSROOM_API_CACHE_MAX_AGE` (seconds) is the longest an answer is kept however quiet its
 * records. Shared caches are told what pages tell them (`NEWSROOM_PAGE_S_MAXAGE` and friends).
 */
export const apiCacheSettings = (env: Env = process.env): SiteApiCacheSettings => ({
  enabled: env.NEWSROOM_API_CACHE !== 'off',
  maxAgeMs: wholeNumber(env.NEWSROOM_API_CACHE_MAX_AGE, DEFAULT_API_CACHE_MAX_AGE_MS / 1000) * 1000,
  maxBytes: wholeNumber(env.NEWSROOM_API_CACHE_BYTES, DEFAULT_API_CACHE_BYTES),
})

export type SiteApiCache = {
  cache: ApiCache
  handler: RawHandler
  /** Where misses are asked: this server's own address, known once it listens. */
  setOrigin: (origin: string) => void
}

/** The API's answer cache, wired to the instance's change feed and to this server's Payload. */
export const siteApiCache = ({
  maxBodyBytes,
  payload,
  policy = DEFAULT_CDN_POLICY,
  settings = apiCacheSettings(),
}: {
  /** The server's body limit (ServerSettings.maxBodyBytes). */
  maxBodyBytes: number
  payload: Payload
  policy?: CdnPolicy
  settings?: SiteApiCacheSettings
}): SiteApiCache => {
  let origin: string | undefined
  const feed = changeFeedFor(payload)
  const cache = createApiCache({
    feed,
    maxAgeMs: settings.maxAgeMs,
    maxBytes: settings.maxBytes,
    policy,
    render: (request, readId) => {
      if (!origin) {
        return Promise.reject(new Error('the API cache asks only once the server listens'))
      }
      return renderThroughNext({
        body: request.body,
        headers: request.headers,
        method: request.method,
        origin,
        path: request.path,
        renderHeader: API_READ_HEADER,
        renderId: readId,
      })
    },
  })
  const handler = apiCacheHandler({
    cache,
    feed,
    maxBodyBytes,
    onError: (error, url) => payload.logger.error({ err: error, msg: 'API cache failed', url }),
    payload,
  })
  return {
    cache,
    handler,
    setOrigin: (value) => {
      origin = value.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:')
    },
  }
}
