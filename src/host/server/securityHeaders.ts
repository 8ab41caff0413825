import type { RequestHandler } from 'express'
import type { TLSSocket } from 'node:tls'

import type { RawHandler } from './beforeExpress'

/** Which pages a response belongs to: all share one policy, but two load from one CDN folder. */
export type PageArea = 'admin' | 'playground' | 'site'

type Mode = {
  area: PageArea
  /** Development: Next's dev runtime needs `eval`. */
  dev: boolean
}

/** Where the app's pages are, as Payload routes them. */
export type AppRoutes = {
  /** @default '/admin' */
  admin?: string
  /** @default '/api/graphql-playground' */
  graphQLPlayground?: string
}

/**
 * Where @monaco-editor/loader, bundled in @payloadcms/ui 3.90.1, loads the editor Payload shows
 * JSON and code fields in (a case's precedent chain). One version's folder, never all of jsDelivr:
 * test/headers.test.ts fails when a Payload upgrade moves it.
 */
export const MONACO_CDN = 'https://cdn.jsdelivr.net/npm/monaco-editor@0.55.1/min/'

/**
 * What Payload's GraphQL playground (development only) loads: graphql-playground-react from
 * jsDelivr, by a scheme-relative URL, so the sources carry no scheme either, and its fonts.
 */
const PLAYGROUND_SOURCES = {
  font: ['fonts.gstatic.com'],
  script: ['cdn.jsdelivr.net/npm/graphql-playground-react/'],
  style: ['cdn.jsdelivr.net/npm/graphql-playground-react/', 'fonts.googleapis.com'],
}

const AREA_SOURCES: Record<PageArea, { font: string[]; script: string[]; style: string[] }> = {
  admin: { font: [MONACO_CDN], script: [MONACO_CDN], style: [MONACO_CDN] },
  playground: PLAYGROUND_SOURCES,
  site: { font: [], script: [], style: [] },
}

/**
 * Scripts: `'unsafe-inline'`, not nonces. Next writes its page data as inline scripts
 * (`self.__next_f.push(…)`) and would only put a nonce on them if one reached its renderer per
 * request through Next middleware, which this app has not; pages Next renders ahead of time
 * could never carry a per-request nonce anyway. React escapes everything editors type, so no
 * script of theirs reaches a page; the policy still stops scripts, frames, plugins and forms
 * from anywhere else, and framing by anyone else. Development adds `'unsafe-eval'`, which
 * React's and Next's dev runtimes use for stack traces and hot reload, and nothing else does.
 * Styles: `'unsafe-inline'` too, for the admin's and Lexical's inline styles.
 */
export const contentSecurityPolicy = ({ area, dev }: Mode): string => {
  const extra = AREA_SOURCES[area]
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : []), ...extra.script],
    'style-src': ["'self'", "'unsafe-inline'", ...extra.style],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:', ...extra.font],
    // 'self' covers the dev server's hot-reload WebSocket on the same host and port.
    'connect-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    // The admin's live preview frames the site's own pages; nobody else frames anything.
    'frame-ancestors': ["'self'"],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** Sent on every response, whatever answers it: express's routes, Next's pages, Payload's API. */
export const securityHeaders = (mode: Mode): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(mode),
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  // frame-ancestors' older twin, for browsers without CSP level 2.
  'X-Frame-Options': 'SAMEORIGIN',
})

/** Browsers keep to https for a year once they have seen this over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000'

const withDefaults = ({
  admin = '/admin',
  graphQLPlayground = '/api/graphql-playground',
}: AppRoutes): Required<AppRoutes> => ({ admin, graphQLPlayground })

/** The area of a request path. */
export const pageArea = (path: string, routes: AppRoutes = {}): PageArea => {
  const { admin, graphQLPlayground } = withDefaults(routes)
  if (path === admin || path.startsWith(`${admin}/`)) {
    return 'admin'
  }
  return path === graphQLPlayground ? 'playground' : 'site'
}

/**
 * The headers on every response express sends or hands to Next. HSTS only when the request
 * came over https, directly or (with `trust proxy`) as the proxy's X-Forwarded-Proto says:
 * over plain http the header would mean nothing, and a wrong one strands a site's visitors.
 */
export const securityHeadersMiddleware = ({
  dev,
  routes = {},
}: {
  dev: boolean
  routes?: AppRoutes
}): RequestHandler => {
  const areas: PageArea[] = ['admin', 'playground', 'site']
  const headers = Object.fromEntries(
    areas.map((area) => [area, Object.entries(securityHeaders({ area, dev }))]),
  ) as Record<PageArea, [string, string][]>
  return (req, res, next) => {
    for (const [name, value] of headers[pageArea(req.path, routes)]) {
      res.setHeader(name, value)
    }
    if (req.secure) {
      res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
    }
    next()
  }
}

/**
 * The same headers for what answers on node's own request, before express (the page cache's
 * hits, the delivery fast path): readers' pages and the API, never the admin. HSTS as express
 * decides it: over TLS, or over a trusted proxy that says https.
 */
export const rawSecurityHeaders = ({
  dev,
  trustProxy,
}: {
  dev: boolean
  trustProxy: boolean | number | string
}): RawHandler => {
  const headers = Object.entries(securityHeaders({ area: 'site', dev }))
  return (req, res, next) => {
    for (const [name, value] of headers) {
      res.setHeader(name, value)
    }
    const overTls = Boolean((req.socket as TLSSocket).encrypted)
    const forwarded = req.headers['x-forwarded-proto']
    const viaProxy =
      Boolean(trustProxy) && typeof forwarded === 'string' && forwarded.split(',')[0] === 'https'
    if (overTls || viaProxy) {
      res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
    }
    next()
  }
}

type NextHeaderRule = { headers: { key: string; value: string }[]; source: string }

/**
 * The same headers as Next config rules, for Next serving on its own (`next start`); behind the
 * express server they repeat what it already set. Where rules overlap the later one wins, so
 * the playground's comes after the site's. HSTS stays express's: Next cannot tell a trusted
 * proxy's X-Forwarded-Proto from anyone's.
 */
export const nextSecurityHeaders = ({
  dev,
  routes = {},
}: {
  dev: boolean
  routes?: AppRoutes
}): NextHeaderRule[] => {
  const { admin, graphQLPlayground } = withDefaults(routes)
  const rule = (source: string, area: PageArea): NextHeaderRule => ({
    headers: Object.entries(securityHeaders({ area, dev })).map(([key, value]) => ({ key, value })),
    source,
  })
  const adminName = admin.replace(/^\//, '')
  return [
    rule(`/((?!${adminName}(?:/|$)).*)`, 'site'),
    rule(graphQLPlayground, 'playground'),
    rule(admin, 'admin'),
    rule(`${admin}/:path*`, 'admin'),
  ]
}
