import type { RequestHandler } from 'express'

import { randomUUID } from 'node:crypto'

import { logger } from './log'

type RequestLog = {
  bytes: number | undefined
  durationMs: number
  method: string
  path: string
  requestId: string
  status: number
}

type Write = (level: 'error' | 'info', fields: RequestLog) => void

const writeWithPino: Write = (level, fields) => logger[level](fields, 'request')

/** Logs each request once, when its response finishes or the client goes away. */
export const requestLogger =
  (write: Write = writeWithPino): RequestHandler =>
  (req, res, next) => {
    const started = process.hrtime.bigint()
    const requestId = req.get('x-request-id') ?? randomUUID()
    res.setHeader('x-request-id', requestId)
    let logged = false
    const log = () => {
      if (logged) {
        return
      }
      logged = true
      const status = res.writableFinished ? res.statusCode : 499
      write(status >= 500 ? 'error' : 'info', {
        bytes: Number(res.getHeader('content-length')) || undefined,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        method: req.method,
        path: req.originalUrl,
        requestId,
        status,
      })
    }
    res.on('finish', log)
    res.on('close', log)
    next()
  }
