import type { RequestHandler } from 'express'
import type { Duplex } from 'node:stream'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import express from 'express'
import http from 'node:http'

import { bodyLimit } from './bodyLimit'
import { graphQLMediaType } from './graphQLMediaType'
import { beforeExpress, type RawHandler } from './beforeExpress'
import { healthRoutes } from './health'
import { originGuard } from './originGuard'
import { requestLogger } from './requestLogger'
import { rawSecurityHeaders, securityHeadersMiddleware } from './securityHeaders'
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './settings'

type StartServerOptions = {
  /** Serves everything the express routes do not: Next's admin, REST, GraphQL and pages. */
  fallback: RequestHandler
  host: string
  /** Run on node's request before express and its middleware: the page cache's hits. */
  first?: RawHandler[]
  /** Passes WebSocket upgrades on (Next's dev-time hot reload). */
  onUpgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void
  payload: Payload
  port: number
  /** Answered before the fallback: the delivery API's fast path. */
  routes?: RequestHandler[]
  /** Limits, timeouts and origins (start.ts reads them from the environment). */
  settings?: Partial<ServerSettings>
  /** How long in-flight requests may run once shutdown begins. @default 10000 */
  shutdownTimeoutMs?: number
}

export type NewsroomServer = {
  server: http.Server
  /** Stops taking requests, lets in-flight ones finish, then closes the database connection. */
  shutdown: () => Promise<void>
  url: string
}

export const startServer = async ({
  fallback,
  first = [],
  host,
  onUpgrade,
  payload,
  port,
  routes = [],
  settings: settingsOverrides,
  shutdownTimeoutMs = 10_000,
}: StartServerOptions): Promise<NewsroomServer> => {
  let closing: Promise<void> | undefined
  const settings = { ...DEFAULT_SERVER_SETTINGS, ...settingsOverrides }
  const { routes: paths } = payload.config

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', settings.trustProxy)
  app.use(requestLogger())
  // Before anything answers, so every response carries them, refusals included.
  app.use(
    securityHeadersMiddleware({
      dev: settings.dev,
      routes: { admin: paths.admin, graphQLPlayground: `${paths.api}${paths.graphQLPlayground}` },
    }),
  )
  app.use(healthRoutes({ isShuttingDown: () => closing !== undefined, payload }))
  app.use(bodyLimit(settings))
  app.use(originGuard(settings))
  app.use(graphQLMediaType(`${paths.api}${paths.graphQL}`))
  for (const route of routes) {
    app.use(route)
  }
  app.use(fallback)

  // Page cache hits and the delivery fast path answer on node's own request, before express
  // and its middleware; they carry the same security headers.
  const listener =
    first.length > 0 ? beforeExpress([rawSecurityHeaders(settings), ...first], app) : app
  const server = http.createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Node enforces both timeouts on this tick (30 s by default, longer than either).
      connectionsCheckingInterval: Math.min(1000, settings.headersTimeoutMs),
    },
    listener,
  )
  if (onUpgrade) {
    server.on('upgrade', onUpgrade)
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address

  const shutdown = () => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const deadline = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs)
      await closed
      clearTimeout(deadline)
      await payload.destroy()
    })()
    return closing
  }

  return { server, shutdown, url: `http://${shownHost}:${address.port}` }
}
