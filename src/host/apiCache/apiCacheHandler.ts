import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'
import type { ChangeFeed } from 'payload-plugin-newsroom/delivery'

import type { RawHandler } from '../server/beforeExpress'
import type { ApiCache, ApiEntry } from './apiCache'
import type { ApiCacheRequest } from './apiRequest'

import { headersWithCors } from 'payload'
import { ifNoneMatchMatches } from 'payload-plugin-newsroom/delivery'

import { chooseEncoding } from '../pageCache/encodeVariants'
import { readSmallBody, replayRequest } from '../server/replayRequest'
import { mustBypassApi } from './apiBypass'
import { apiCacheRequest } from './apiRequest'

type ApiCacheHandlerOptions = {
  cache: ApiCache
  feed: ChangeFeed
  /** The largest GraphQL body read here (the server's own limit); larger ones go on unread. */
  maxBodyBytes: number
  onError: (error: unknown, url: string) => void
  payload: Payload
}

/**
 * CORS's allowed origin, for this request's Origin as Payload would answer it: kept answers
 * are asked for without one, so they hold only what every origin gets.
 */
const corsFor = (payload: Payload, origin: string | undefined): string[] => {
  if (!origin || !payload.config.cors) {
    return []
  }
  const headers = headersWithCors({
    headers: new Headers(),
    req: { headers: new Headers({ origin }), payload } as Parameters<
      typeof headersWithCors
    >[0]['req'],
  })
  const allowed = headers.get('access-control-allow-origin')
  const credentials = headers.get('access-control-allow-credentials')
  return [
    ...(allowed ? ['Access-Control-Allow-Origin', allowed] : []),
    ...(credentials ? ['Access-Control-Allow-Credentials', credentials] : []),
  ]
}

const send = (
  req: IncomingMessage,
  res: ServerResponse,
  entry: ApiEntry,
  cors: string[],
  xCache: 'HIT' | 'MISS',
) => {
  const variant = entry.variants[chooseEncoding(req.headers['accept-encoding'])]
  const ifNoneMatch = req.headers['if-none-match']
  if (req.method !== 'POST' && ifNoneMatch && ifNoneMatchMatches(ifNoneMatch, variant.etag)) {
    res.writeHead(304, [...Object.entries(variant.notModifiedHeaders).flat(), 'X-Cache', xCache])
    res.end()
    return
  }
  if (xCache === 'HIT' && cors.length === 0) {
    res.writeHead(200, variant.hitHeaders)
  } else {
    res.writeHead(200, [...Object.entries(variant.headers).flat(), ...cors, 'X-Cache', xCache])
  }
  res.end(req.method === 'HEAD' ? undefined : variant.body)
}

/**
 * Run on node's request before express (see beforeExpress): an anonymous REST read or GraphQL
 * query is answered from memory when nothing it read has changed since; a miss asks Payload
 * once for everyone waiting on it. Whatever is not for this cache (credentials, drafts,
 * writes, mutations, other doors) goes on down the stack untouched.
 */
export const apiCacheHandler = ({
  cache,
  feed,
  maxBodyBytes,
  onError,
  payload,
}: ApiCacheHandlerOptions): RawHandler => {
  const cookiePrefix = payload.config.cookiePrefix ?? 'payload'
  const graphQLPath = `${payload.config.routes.api}${payload.config.routes.graphQL}`

  const answer = async (req: IncomingMessage, res: ServerResponse, request: ApiCacheRequest) => {
    const cors = corsFor(payload, req.headers.origin)
    // The shared change log is read at most every 250 ms (see syncSoon): in between, a hit
    // is answered without waiting.
    const reading = feed.syncSoon()
    if (reading) {
      await reading
    }
    const hit = cache.get(request.id)
    if (hit) {
      send(req, res, hit, cors, 'HIT')
      return
    }
    const result = await cache.miss(request)
    if ('uncached' in result) {
      const { body, headers, status } = result.answer
      res.writeHead(status, [
        'Cache-Control',
        'private, no-store',
        'Content-Length',
        String(body.length),
        'Content-Type',
        String(headers['content-type'] ?? 'application/json'),
        ...(typeof headers.allow === 'string' ? ['Allow', headers.allow] : []),
        ...cors,
        'X-Cache',
        'PASS',
      ])
      res.end(req.method === 'HEAD' ? undefined : body)
      return
    }
    send(req, res, result, cors, 'MISS')
  }

  const fail =
    (req: IncomingMessage, res: ServerResponse, passOn: () => void) => (error: unknown) => {
      onError(error, req.url ?? '')
      if (!res.headersSent) {
        passOn()
      } else {
        res.destroy()
      }
    }

  return (req, res, next) => {
    const { method, url } = req
    if (
      !url ||
      (method !== 'GET' && method !== 'HEAD' && method !== 'POST') ||
      mustBypassApi(req.headers, cookiePrefix)
    ) {
      next()
      return
    }
    if (method !== 'POST') {
      const request = apiCacheRequest(payload, method, url, req.headers)
      if (!request) {
        next()
        return
      }
      answer(req, res, request).catch(fail(req, res, () => next()))
      return
    }
    // A GraphQL POST from a page (one with an Origin) goes on to the origin guard; so does
    // a body too large to read here, for the body limit to answer.
    const reading =
      url === graphQLPath && req.headers.origin === undefined
        ? readSmallBody(req, maxBodyBytes)
        : null
    if (!reading) {
      next()
      return
    }
    reading
      .then((body) => {
        const request = apiCacheRequest(payload, method, url, req.headers, body)
        if (!request) {
          next(replayRequest(req, body))
          return
        }
        return answer(req, res, request).catch(fail(req, res, () => next(replayRequest(req, body))))
      })
      .catch((error: unknown) => {
        onError(error, url)
        if (!res.headersSent) {
          res.destroy()
        }
      })
  }
}
