import type { RequestHandler } from 'express'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { randomUUID } from 'node:crypto'

import { logLater } from './log'

type RequestLog = {
  bytes: number | undefined
  durationMs: number
  method: string
  path: string
  requestId: string
  status: number
  /** Set on the page cache's own render of a miss: the reader's request has its own line. */
  render?: true
}

type Write = (level: 'error' | 'info', fields: Partial<RequestLog>) => void

/** Through pino, made with the lines gathered around it (see logLater). */
const writeWithPino: Write = (level, fields) => logLater(level, fields, 'request')

let rawAnswersLogged = true

/** The bench turns the log of answers made before express off and on, to weigh what it costs. */
export const logRawAnswers = (enabled: boolean): void => {
  rawAnswersLogged = enabled
}

/**
 * The line for an answer made on node's request before express (a page cache hit, the
 * delivery fast path), the same as requestLogger's but for the size, which those answers send
 * in headers node does not keep, and the request id, which is the one the request came with
 * (a load balancer's or CDN's), if any: these answers do not send one back, so an id made here
 * would match nothing. A request the client left before it was answered is a 499. `started` is
 * `performance.now()` when it arrived.
 */
export const logRawAnswer = (
  req: IncomingMessage,
  res: ServerResponse,
  started: number,
  write: Write = writeWithPino,
): void => {
  if (!rawAnswersLogged) {
    return
  }
  const status = res.writableEnded ? res.statusCode : 499
  const requestId = req.headers['x-request-id']
  write(status >= 500 ? 'error' : 'info', {
    durationMs: performance.now() - started,
    method: req.method,
    path: req.url,
    requestId: typeof requestId === 'string' ? requestId : undefined,
    status,
  })
}

/**
 * Logs each request once, when its response finishes or the client goes away. A request that
 * carries one of `renderHeaders` is a cache (the page cache, the API cache) rendering a miss
 * through Next, and says so.
 */
export const requestLogger =
  (write: Write = writeWithPino, renderHeaders: string | string[] = []): RequestHandler =>
  (req, res, next) => {
    const started = performance.now()
    const requestId = req.get('x-request-id') ?? randomUUID()
    res.setHeader('x-request-id', requestId)
    // On the request too, so the route handlers behind Next can name it in a 500.
    req.headers['x-request-id'] = requestId
    let logged = false
    const log = () => {
      if (logged) {
        return
      }
      logged = true
      const status = res.writableFinished ? res.statusCode : 499
      write(status >= 500 ? 'error' : 'info', {
        bytes: Number(res.getHeader('content-length')) || undefined,
        durationMs: performance.now() - started,
        method: req.method,
        path: req.originalUrl,
        ...([renderHeaders].flat().some((name) => req.headers[name] !== undefined)
          ? { render: true }
          : {}),
        requestId,
        status,
      })
    }
    res.on('finish', log)
    res.on('close', log)
    next()
  }
