import type { DeliveryCache } from './deliveryCache'
import type { DeliveryFormat, DeliveryRepresentation } from './encodeRepresentation'

import { SLUG_PATTERN } from '../utilities/slugify'
import { PARTNER_CACHE_CONTROL } from './partnerDelivery'
import { ifNoneMatchMatches } from './ifNoneMatch'

/**
 * CDNs keep a copy for a minute (`s-maxage`) and may serve it for 30 s more while they fetch a
 * new one; browsers (`max-age=0`) revalidate every time, which costs a 304 thanks to the ETag.
 * A correction therefore reaches readers through the CDN within about 90 s, and never sits in
 * a browser.
 */
export const DELIVERY_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30'

/** Short, so a story published right after someone asked for it is not hidden for long. */
export const NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=10'

/** What either door sends: the Payload endpoint as a Response, express with `res.end`. */
export type DeliveryHttpResponse = {
  body: Buffer | null
  headers: Record<string, string>
  status: number
}

type DeliveryRequest = {
  cache: DeliveryCache
  format: DeliveryFormat
  ifNoneMatch: null | string | undefined
  /** Told about a failed read before the 503 goes out. */
  onError: (error: unknown) => void
  /**
   * Asked only when readers get nothing for the slug: the story as the request's partner may
   * read it (under embargo), or null. Answered `private, no-store`, never cached.
   */
  partner?: () => Promise<DeliveryRepresentation | null>
  /**
   * Where this door answers another slug, e.g. `(slug) => \`/api/articles/delivery/${slug}?x=1\``:
   * an old slug of a renamed story is then answered with a 301 there. Without it, a 404.
   */
  redirectTo?: (slug: string) => string
  slug: string
}

const errorBody = (message: string) => Buffer.from(JSON.stringify({ errors: [{ message }] }))

const jsonError = (status: number, message: string, cacheControl: string) => {
  const body = errorBody(message)
  return {
    body,
    headers: {
      'Cache-Control': cacheControl,
      'Content-Length': String(body.length),
      'Content-Type': 'application/json; charset=utf-8',
    },
    status,
  }
}

/**
 * The same delivery URL for another slug: `/api/articles/delivery/<slug>` (with `/ninjs` for
 * ninjs), keeping the request's query.
 */
export const deliveryPathFor =
  (base: string, format: DeliveryFormat, search: string) =>
  (slug: string): string =>
    `${base}/${encodeURIComponent(slug)}${format === 'ninjs' ? '/ninjs' : ''}${search}`

/** The public read of one article: the same for anonymous and signed-in requests. */
export const deliveryResponse = async ({
  cache,
  format,
  ifNoneMatch,
  onError,
  partner,
  redirectTo,
  slug,
}: DeliveryRequest): Promise<DeliveryHttpResponse> => {
  const notFound = () =>
    jsonError(404, 'No published article has this slug.', NOT_FOUND_CACHE_CONTROL)
  // Anything that cannot be a slug is answered without a query, and never fills the cache.
  if (!SLUG_PATTERN.test(slug)) {
    return notFound()
  }
  let representation
  let cacheControl = DELIVERY_CACHE_CONTROL
  let movedTo: null | string = null
  try {
    representation = await cache.get(slug, format)
    if (!representation && partner) {
      representation = await partner()
      cacheControl = PARTNER_CACHE_CONTROL
    }
    if (!representation && redirectTo) {
      movedTo = await cache.movedTo(slug)
    }
  } catch (error) {
    onError(error)
    // Unable to confirm what is current (the database is unreachable): say so, cache nothing.
    return jsonError(503, 'The article could not be read; try again shortly.', 'no-store')
  }
  if (!representation && movedTo && redirectTo) {
    // The story was renamed: its readers follow it, as its old page's readers do.
    const body = errorBody('This article has moved to another slug.')
    return {
      body,
      headers: {
        'Cache-Control': DELIVERY_CACHE_CONTROL,
        'Content-Length': String(body.length),
        'Content-Type': 'application/json; charset=utf-8',
        Location: redirectTo(movedTo),
      },
      status: 301,
    }
  }
  if (!representation) {
    return notFound()
  }
  const { body, contentType, etag, lastModified } = representation
  if (ifNoneMatchMatches(ifNoneMatch, etag)) {
    return {
      body: null,
      headers: { 'Cache-Control': cacheControl, ETag: etag },
      status: 304,
    }
  }
  return {
    body,
    headers: {
      'Cache-Control': cacheControl,
      'Content-Length': String(body.length),
      'Content-Type': contentType,
      ETag: etag,
      'Last-Modified': lastModified.toUTCString(),
    },
    status: 200,
  }
}
