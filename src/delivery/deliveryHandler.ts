import type { Payload } from 'payload'

import type { DeliveryFormat, DeliveryRepresentation } from './encodeRepresentation'

import { collectionSlugs } from '../collectionSlugs'
import { SLUG_PATTERN } from '../utilities/slugify'
import { deliveryCacheFor } from './deliveryCache'
import { ifNoneMatchMatches } from './ifNoneMatch'
import {
  PARTNER_CACHE_CONTROL,
  partnerRepresentation,
  userFromAuthorization,
} from './partnerDelivery'

/**
 * CDNs keep a copy for a minute (`s-maxage`) and may serve it for 30 s more while they fetch a
 * new one; browsers (`max-age=0`) revalidate every time, which costs a 304 thanks to the ETag.
 * A correction therefore reaches readers through the CDN within about 90 s, and never sits in
 * a browser.
 */
export const DELIVERY_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30'

/** Short, so a story published right after someone asked for it is not hidden for long. */
const NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=10'

/** Marks the plugin's endpoints, so a host can tell whether the delivery API is installed. */
export const DELIVERY_ENDPOINT = 'newsroomDelivery'

/** What the handler reads of a request: any server has it without parsing a body. */
export type DeliveryRequest = {
  /**
   * The `Authorization` header (a partner's API key, a staff JWT): read only when readers would
   * get a 404, and only when `user` is not given.
   */
  authorization?: null | string
  /** The `If-None-Match` header. */
  ifNoneMatch?: null | string
  /** GET and HEAD are answered (HEAD's body is the server's to drop); anything else is not. */
  method: string
  /** Path and query as sent: `/api/articles/delivery/<slug>` or `…/<slug>/ninjs`, with `?…`. */
  url: string
  /** The account asking, when the server has read it already (Payload's endpoints have). */
  user?: unknown
}

/**
 * What to send: node's `res.writeHead(status, headers)` and `res.end(body)`, or a fetch
 * `Response`. The headers of a held article are made once and shared by its answers: frozen.
 */
export type DeliveryAnswer = {
  body: Buffer | null
  headers: Readonly<Record<string, string>>
  status: number
}

/**
 * Answers a delivery URL, or returns null for any other URL or method (the server passes the
 * request on). A published article the instance holds is answered at once, without a promise;
 * anything else (a miss, a partner, a renamed story, a 404, an instance that must read the
 * change log first) through one.
 */
export type DeliveryHandler = (
  request: DeliveryRequest,
) => DeliveryAnswer | null | Promise<DeliveryAnswer>

type ReadyAnswers = { notModified: DeliveryAnswer; ok: DeliveryAnswer }

/**
 * A public representation's two answers, made once per representation: a hit then costs a
 * lookup and a tag comparison, with no headers to build.
 */
const readyAnswers = new WeakMap<DeliveryRepresentation, ReadyAnswers>()

const answersOf = (
  representation: DeliveryRepresentation,
  cacheControl = DELIVERY_CACHE_CONTROL,
): ReadyAnswers => {
  const { body, contentType, etag, lastModified } = representation
  return {
    notModified: {
      body: null,
      headers: Object.freeze({ 'Cache-Control': cacheControl, ETag: etag }),
      status: 304,
    },
    ok: {
      body,
      headers: Object.freeze({
        'Cache-Control': cacheControl,
        'Content-Length': String(body.length),
        'Content-Type': contentType,
        ETag: etag,
        'Last-Modified': lastModified.toUTCString(),
      }),
      status: 200,
    },
  }
}

const publicAnswers = (representation: DeliveryRepresentation): ReadyAnswers => {
  let ready = readyAnswers.get(representation)
  if (!ready) {
    ready = answersOf(representation)
    readyAnswers.set(representation, ready)
  }
  return ready
}

const answer = (
  { notModified, ok }: ReadyAnswers,
  { etag }: DeliveryRepresentation,
  ifNoneMatch: null | string | undefined,
): DeliveryAnswer => (ifNoneMatchMatches(ifNoneMatch, etag) ? notModified : ok)

const jsonError = (
  status: number,
  message: string,
  cacheControl: string,
  headers?: Record<string, string>,
): DeliveryAnswer => {
  const body = Buffer.from(JSON.stringify({ errors: [{ message }] }))
  return {
    body,
    headers: {
      'Cache-Control': cacheControl,
      'Content-Length': String(body.length),
      'Content-Type': 'application/json; charset=utf-8',
      ...headers,
    },
    status,
  }
}

const notFound = () =>
  jsonError(404, 'No published article has this slug.', NOT_FOUND_CACHE_CONTROL)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

type Route = { format: DeliveryFormat; search: string; slug: string }

/**
 * Answers delivery requests from the instance's shared cache: the one read path behind every
 * door (Payload's endpoints, a host's own server in front of them).
 */
const createDeliveryHandler = (payload: Payload): DeliveryHandler => {
  const cache = deliveryCacheFor(payload)
  const base = `${payload.config.routes.api}/${collectionSlugs.articles}/delivery`
  const pattern = new RegExp(`^${escapeRegExp(base)}/([^/?]+)(/ninjs)?/?(\\?.*)?$`)

  /** The same URL for another slug, keeping the format and the query. */
  const pathFor = ({ format, search }: Route, slug: string) =>
    `${base}/${encodeURIComponent(slug)}${format === 'ninjs' ? '/ninjs' : ''}${search}`

  const read = async (request: DeliveryRequest, at: Route): Promise<DeliveryAnswer> => {
    const { format, slug } = at
    let representation: DeliveryRepresentation | null
    let movedTo: null | string = null
    let partner = false
    try {
      representation = await cache.get(slug, format)
      if (!representation) {
        // Asked only when readers get nothing: a partner reads embargoed stories, answered for
        // them alone and never cached.
        const user =
          request.user !== undefined
            ? request.user
            : await userFromAuthorization(payload, request.authorization)
        representation = await partnerRepresentation({ format, payload, slug, user })
        partner = representation !== null
      }
      if (!representation) {
        movedTo = await cache.movedTo(slug)
      }
    } catch (error) {
      payload.logger.error({ err: error, msg: 'delivery read failed' })
      // Unable to confirm what is current (the database is unreachable): say so, cache nothing.
      return jsonError(503, 'The article could not be read; try again shortly.', 'no-store')
    }
    if (representation) {
      const ready = partner
        ? answersOf(representation, PARTNER_CACHE_CONTROL)
        : publicAnswers(representation)
      return answer(ready, representation, request.ifNoneMatch)
    }
    if (movedTo) {
      // The story was renamed: its readers follow it, as its old page's readers do.
      return jsonError(301, 'This article has moved to another slug.', DELIVERY_CACHE_CONTROL, {
        Location: pathFor(at, movedTo),
      })
    }
    return notFound()
  }

  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return null
    }
    const match = pattern.exec(request.url)
    if (!match) {
      return null
    }
    let slug: string
    try {
      slug = decodeURIComponent(match[1])
    } catch {
      return null
    }
    const format = match[2] ? 'ninjs' : 'json'
    // Only slugs that can exist are ever held, so the hot path needs no other check.
    const held = cache.peek(slug, format)
    if (held) {
      return answer(publicAnswers(held), held, request.ifNoneMatch)
    }
    // Anything that cannot be a slug is answered without a query, and never fills the cache.
    if (!SLUG_PATTERN.test(slug)) {
      return notFound()
    }
    return read(request, { format, search: match[3] ?? '', slug })
  }
}

/** With the plugin's delivery off nothing keeps a cache current, so nothing may be served. */
const deliveryInstalled = (payload: Payload): boolean => {
  const endpoints = payload.collections[collectionSlugs.articles]?.config.endpoints
  return (
    Array.isArray(endpoints) && endpoints.some((endpoint) => endpoint.custom?.[DELIVERY_ENDPOINT])
  )
}

const handlers = new WeakMap<Payload, DeliveryHandler | null>()

/**
 * The delivery API's handler for a Payload instance, for a host that answers its URLs itself
 * (before its framework's routing): the same answers as the endpoints. Null when the plugin's
 * delivery is not installed (disabled, or the articles' endpoints turned off).
 */
export const deliveryHandlerFor = (payload: Payload): DeliveryHandler | null => {
  let handler = handlers.get(payload)
  if (handler === undefined) {
    handler = deliveryInstalled(payload) ? createDeliveryHandler(payload) : null
    handlers.set(payload, handler)
  }
  return handler
}
