import type { Router } from 'express'
import type { Payload } from 'payload'

import express from 'express'

const READINESS_TIMEOUT_MS = 2000

type HealthRoutesOptions = {
  /** True once shutdown has begun, so load balancers stop sending traffic. */
  isShuttingDown: () => boolean
  payload: Payload
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })

export const healthRoutes = ({ isShuttingDown, payload }: HealthRoutesOptions): Router => {
  const router = express.Router()

  router.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' })
  })

  router.get('/readyz', async (_req, res) => {
    res.set('cache-control', 'no-store')
    if (isShuttingDown()) {
      res.status(503).json({ database: 'unknown', status: 'shutting-down' })
      return
    }
    try {
      // A real query through the adapter, not a socket check: proves reads work.
      await withTimeout(payload.count({ collection: 'users' }), READINESS_TIMEOUT_MS)
      res.json({ database: 'ok', status: 'ready' })
    } catch (error) {
      res.status(503).json({
        database: 'unreachable',
        error: error instanceof Error ? error.message : String(error),
        status: 'not-ready',
      })
    }
  })

  return router
}
