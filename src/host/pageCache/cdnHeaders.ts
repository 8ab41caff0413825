/** How long CDNs and Varnish keep a page, and how long they may serve it stale. */
export type CdnPolicy = {
  /** Seconds a shared cache keeps a page before asking again. @default 60 */
  sMaxAge: number
  /** Seconds past that it may serve the old copy while it fetches the next. @default 30 */
  staleWhileRevalidate: number
  /** Seconds it may serve the old copy while this server answers errors. @default 86400 */
  staleIfError: number
}

export const DEFAULT_CDN_POLICY: CdnPolicy = {
  sMaxAge: 60,
  staleIfError: 86_400,
  staleWhileRevalidate: 30,
}

/**
 * Browsers keep nothing (`max-age=0`) and revalidate with the ETag; shared caches keep the page
 * for `s-maxage` and are purged by key sooner than that when the `cache.onPurge` option is set.
 * A stale page beats an error page when this server is down.
 */
export const pageCacheControl = ({ sMaxAge, staleIfError, staleWhileRevalidate }: CdnPolicy) =>
  `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}, stale-if-error=${staleIfError}`

/** A 404 may become a page at the next publish: shared caches keep it briefly. */
export const notFoundCacheControl = ({ staleIfError }: CdnPolicy) =>
  `public, max-age=0, s-maxage=10, stale-if-error=${staleIfError}`

/** Fastly, Varnish's xkey and others read space-separated keys here. */
export const surrogateKeyHeader = (keys: readonly string[]): string => keys.join(' ')

/** Cloudflare's purge by tag reads comma-separated tags here. */
export const cacheTagHeader = (keys: readonly string[]): string => keys.join(',')
