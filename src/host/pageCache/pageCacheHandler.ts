import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ChangeFeed } from 'payload-plugin-newsroom/delivery'

import type { RawHandler } from '../server/beforeExpress'
import type { PageCache, PageEntry } from './pageCache'

import { ifNoneMatchMatches } from 'payload-plugin-newsroom/delivery'

import { mustBypass } from './bypass'
import { chooseEncoding } from './encodeVariants'
import { pageRoute } from './pageRoutes'

type PageCacheHandlerOptions = {
  cache: PageCache
  feed: ChangeFeed
  /** Told when a render fails; the reader is then handed to Next. */
  onError: (error: unknown, path: string) => void
  /** The name of Payload's session cookie, `<cookiePrefix>-token`. */
  sessionCookie: string
}

const send = (
  res: ServerResponse,
  entry: PageEntry,
  acceptEncoding: string | undefined,
  ifNoneMatch: string | undefined,
  head: boolean,
  xCache: string,
) => {
  const variant = entry.variants[chooseEncoding(acceptEncoding)]
  if (ifNoneMatch && ifNoneMatchMatches(ifNoneMatch, variant.etag)) {
    res.writeHead(304, { ...variant.notModifiedHeaders, 'X-Cache': xCache })
    res.end()
    return
  }
  if (xCache === 'HIT') {
    res.writeHead(entry.status, variant.hitHeaders)
  } else {
    res.writeHead(entry.status, { ...variant.headers, 'X-Cache': xCache })
  }
  res.end(head ? undefined : variant.body)
}

/**
 * Run on node's request before express (see beforeExpress): an anonymous reader's page is
 * answered from ready bytes, a miss is rendered through Next once for everyone waiting on it,
 * and whatever this cache is not for (staff, draft mode, unknown query strings, other paths)
 * goes on down the stack untouched.
 */
export const pageCacheHandler = ({
  cache,
  feed,
  onError,
  sessionCookie,
}: PageCacheHandlerOptions): RawHandler => {
  const answer = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = req.url ?? '/'
    const route = pageRoute(path)
    if (!route) {
      next()
      return
    }
    // One entry per path whatever the Host: pages build absolute links from the configured
    // origin (siteOrigin), so a forged Host can neither change a page nor add entries.
    const id = path
    const head = req.method === 'HEAD'
    const accept = req.headers['accept-encoding']
    const ifNoneMatch = req.headers['if-none-match']
    // Reading the shared log costs a query at most every 250 ms, which a busy instance does not
    // wait for (see syncSoon); in between this is synchronous.
    const reading = feed.syncSoon()
    if (reading) {
      await reading
    }
    const hit = cache.get(id)
    if (hit) {
      send(res, hit, accept, ifNoneMatch, head, 'HIT')
      return
    }
    const result = await cache.miss(id, route, path)
    if ('uncached' in result) {
      const { body, headers, status } = result.page
      res.writeHead(status, {
        'Cache-Control': 'private, no-store',
        'Content-Length': String(body.length),
        'Content-Type': String(headers['content-type'] ?? 'text/plain; charset=utf-8'),
        // Kept as it came (a redirect that could not be stored keeps its target).
        ...(headers.location ? { Location: headers.location } : {}),
        'X-Cache': 'PASS',
      })
      res.end(head ? undefined : body)
      return
    }
    send(res, result, accept, ifNoneMatch, head, 'MISS')
  }

  return (req, res, next) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !req.url ||
      req.url.includes('?') ||
      mustBypass(req.headers, sessionCookie)
    ) {
      next()
      return
    }
    answer(req, res, next).catch((error: unknown) => {
      onError(error, req.url ?? '')
      if (!res.headersSent) {
        next()
      }
    })
  }
}
