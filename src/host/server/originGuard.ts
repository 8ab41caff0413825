import type { Request, RequestHandler } from 'express'

const WRITES = new Set(['DELETE', 'PATCH', 'POST', 'PUT'])

const originOf = (url: string): null | string => {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * The origin the request itself came in on. Also its https twin when the request arrived over
 * plain http: a proxy that ends TLS in front, without `trust proxy` set to believe its
 * X-Forwarded-Proto. A page on https://<this host> is this site, never a stranger.
 */
const ownOrigins = (req: Request): string[] => {
  const host = req.host
  if (!host) {
    return []
  }
  const origins = [originOf(`${req.protocol}://${host}`)]
  if (req.protocol === 'http') {
    origins.push(originOf(`https://${host}`))
  }
  return origins.filter((origin): origin is string => origin !== null)
}

/**
 * Refuses writes a browser sends from another site's page (CSRF): a POST, PUT, PATCH or DELETE
 * whose Origin is neither this site nor an allowed origin gets a 403 before Next or Payload
 * read it, cookie or not, JSON, form or multipart. Requests without an Origin (curl, servers,
 * same-origin GETs) pass: browsers always send one on cross-origin writes. Payload's own
 * `csrf` list, set from the same origins in payload.config.ts, is the second line: it ignores a
 * session cookie arriving from an origin it does not list.
 */
export const originGuard = ({ allowedOrigins }: { allowedOrigins: string[] }): RequestHandler => {
  const allowed = new Set(allowedOrigins)
  return (req, res, next) => {
    const origin = req.headers.origin
    if (!WRITES.has(req.method) || origin === undefined || allowed.has(origin)) {
      next()
      return
    }
    if (ownOrigins(req).includes(origin)) {
      next()
      return
    }
    res.status(403).json({
      errors: [
        {
          message: `Cross-origin request refused: a page on ${origin} may not send ${req.method} requests here (allowed: this site, SERVER_URL and NEWSROOM_ALLOWED_ORIGINS).`,
        },
      ],
    })
  }
}
