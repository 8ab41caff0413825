import type { BrowserContext, Request } from 'playwright-core'

import { waitFor } from './waitFor'

export type NetworkWatch = {
  /** Resolves once no request of the context has been in flight for `quietMs` (500 ms). */
  idle: (options?: { quietMs?: number; timeoutMs?: number }) => Promise<void>
}

/**
 * Follows every request of a browser context, its pages and frames, to wait until its network
 * is idle. Playwright's own 'networkidle' is a load state reached once per navigation: a click
 * that loads more (a client-side route, a drawer, a frame) does not reset it.
 */
export const watchNetwork = (context: BrowserContext): NetworkWatch => {
  const inFlight = new Set<Request>()
  let changedAt = Date.now()
  context.on('request', (request) => {
    inFlight.add(request)
    changedAt = Date.now()
  })
  const settled = (request: Request) => {
    inFlight.delete(request)
    changedAt = Date.now()
  }
  context.on('requestfinished', settled)
  context.on('requestfailed', settled)
  return {
    idle: async ({ quietMs = 500, timeoutMs = 60_000 } = {}) => {
      try {
        await waitFor(() => inFlight.size === 0 && Date.now() - changedAt >= quietMs, {
          timeoutMs,
          what: `no request in flight for ${quietMs} ms`,
        })
      } catch (error) {
        const urls = [...inFlight].map((request) => request.url()).join(', ')
        throw new Error(`${(error as Error).message}; still in flight: ${urls}`)
      }
    },
  }
}
