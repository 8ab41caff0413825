import type { RequestHandler } from 'express'
import type { Duplex } from 'node:stream'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import express from 'express'
import http from 'node:http'
import net from 'node:net'

import { API_READ_HEADER } from 'payload-plugin-newsroom/delivery'

import { RENDER_HEADER } from '../pageCache/renderKeys'
import { bodyLimit } from './bodyLimit'
import { graphQLMediaType } from './graphQLMediaType'
import { beforeExpress, type RawHandler } from './beforeExpress'
import { healthRoutes } from './health'
import { originGuard } from './originGuard'
import { errorBoundary, rawRequestBoundary, requestBoundary } from './requestBoundary'
import { logRawAnswer, requestLogger } from './requestLogger'
import { rawSecurityHeaders, securityHeadersMiddleware } from './securityHeaders'
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './settings'

/** How long after the listener closes a connection may still be waiting for its request. */
const IDLE_GRACE_MS = 1000

/** The response tells its client to open a new connection for the next request. */
const closeAfter = (res: http.ServerResponse) => {
  if (!res.headersSent) {
    res.shouldKeepAlive = false
    res.setHeader('connection', 'close')
  }
}

type StartServerOptions = {
  /** Serves everything the express routes do not: Next's admin, REST, GraphQL and pages. */
  fallback: RequestHandler
  host: string
  /**
   * Run on node's request before express and its middleware: the page cache's hits, the delivery
   * API, the API cache's hits.
   */
  first?: RawHandler[]
  /** Passes WebSocket upgrades on (Next's dev-time hot reload). */
  onUpgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void
  payload: Payload
  port: number
  /** Answered before the fallback: old slugs' redirects, the bench's reference. */
  routes?: RequestHandler[]
  /** Limits, timeouts and origins (start.ts reads them from the environment). */
  settings?: Partial<ServerSettings>
}

export type NewsroomServer = {
  server: http.Server
  /**
   * Drains, then stops: `/readyz` answers 503 at once and every response tells its client to
   * close the connection while the listener stays open for `shutdownDrainMs` (so a load
   * balancer sees the 503 and moves traffic away); then the listener closes, in-flight requests
   * finish (cut only at `shutdownTimeoutMs` after the call), and the database connection closes.
   * Resolves to false when requests had to be cut.
   */
  shutdown: () => Promise<boolean>
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
}: StartServerOptions): Promise<NewsroomServer> => {
  let closing: Promise<boolean> | undefined
  const settings = { ...DEFAULT_SERVER_SETTINGS, ...settingsOverrides }
  const { routes: paths } = payload.config

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', settings.trustProxy)
  app.use(requestLogger(undefined, [RENDER_HEADER, API_READ_HEADER]))
  // Before anything answers, so every response carries them, refusals included.
  app.use(
    securityHeadersMiddleware({
      dev: settings.dev,
      routes: { admin: paths.admin, graphQLPlayground: `${paths.api}${paths.graphQLPlayground}` },
    }),
  )
  // A method nothing answers or a path that cannot be decoded: a 4xx naming it, before any route.
  app.use(requestBoundary)
  app.use(healthRoutes({ isShuttingDown: () => closing !== undefined, payload }))
  app.use(bodyLimit(settings))
  app.use(originGuard(settings))
  app.use(graphQLMediaType(`${paths.api}${paths.graphQL}`))
  for (const route of routes) {
    app.use(route)
  }
  app.use(fallback)
  app.use(errorBoundary)

  // Page cache hits and the delivery fast path answer on node's own request, before express
  // and its middleware; they carry the same security headers.
  const listener =
    first.length > 0
      ? beforeExpress(
          [rawSecurityHeaders(settings), rawRequestBoundary, ...first],
          app,
          logRawAnswer,
        )
      : app
  // Responses not yet sent, so a shutdown can tell their clients to close the connection.
  const unsent = new Set<http.ServerResponse>()
  // Per connection: requests it has carried, and those still being answered.
  const connections = new Map<Duplex, { active: number; served: number }>()
  const server = http.createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Node enforces both timeouts on this tick (30 s by default, longer than either).
      connectionsCheckingInterval: Math.min(1000, settings.headersTimeoutMs),
    },
    (req, res) => {
      const state = connections.get(req.socket)
      if (state) {
        state.served++
        state.active++
        res.once('close', () => state.active--)
      }
      if (closing) {
        closeAfter(res)
      } else {
        unsent.add(res)
        res.once('close', () => unsent.delete(res))
        res.once('finish', () => unsent.delete(res))
      }
      listener(req, res)
    },
  )
  server.on('connection', (socket: Duplex) => {
    connections.set(socket, { active: 0, served: 0 })
    socket.once('close', () => connections.delete(socket))
  })
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
      const startedAt = Date.now()
      for (const res of unsent) {
        closeAfter(res)
      }
      unsent.clear()
      if (settings.shutdownDrainMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, settings.shutdownDrainMs))
      }
      // Stop listening with net's close, not http's: http's also closes every connection that
      // has no request yet, among them those a client has just opened and is sending on, and
      // that client sees a reset. Those requests come within moments; a second later what is
      // still idle is closed.
      const closed = new Promise<void>((resolve) =>
        net.Server.prototype.close.call(server, () => resolve()),
      )
      // A keep-alive connection idle since its last answer is closed now, as node would.
      for (const [socket, state] of connections) {
        if (state.served > 0 && state.active === 0) socket.destroy()
      }
      const idleSweep = setTimeout(() => server.closeIdleConnections(), IDLE_GRACE_MS)
      let cut = false
      const deadline = setTimeout(
        () => {
          cut = true
          server.closeAllConnections()
        },
        Math.max(0, settings.shutdownTimeoutMs - (Date.now() - startedAt)),
      )
      await closed
      clearTimeout(deadline)
      clearTimeout(idleSweep)
      await payload.destroy()
      return !cut
    })()
    return closing
  }

  return { server, shutdown, url: `http://${shownHost}:${address.port}` }
}
