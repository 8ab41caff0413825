import type { RequestHandler } from 'express'

import { catchAllParams, type RouteHandler } from './rawRequest'

/** Hop-by-hop headers and those a Request sets itself. */
const SKIPPED = new Set(['connection', 'content-length', 'host', 'keep-alive', 'transfer-encoding'])

const readBody = (req: Parameters<RequestHandler>[0]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })

/**
 * Next's part of the server for /api, without a Next build: each request goes, as a real
 * Request, to the handler the app's route files export (REST and GraphQL, with the app's own
 * guards), and its Response goes back through express. Anything else is a 404. A suite that
 * imports this mocks `@payloadcms/next/css` first (the REST route imports the admin's CSS).
 */
export const apiRoutes = async (): Promise<RequestHandler> => {
  const api = (await import('../../src/app/(payload)/api/[...slug]/route')) as unknown as Record<
    string,
    RouteHandler | undefined
  >
  const graphql = await import('../../src/app/(payload)/api/graphql/route')
  return async (req, res, next) => {
    try {
      const url = new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`)
      const segments = url.pathname.split('/').filter(Boolean)
      if (segments[0] !== 'api') {
        res.status(404).type('text').send('not an API path')
        return
      }
      let handler: RouteHandler | undefined
      let params: Record<string, string | string[]> = {}
      if (url.pathname === '/api/graphql') {
        // As Next serves a route: HEAD is its GET without the body.
        const method = req.method === 'HEAD' ? 'GET' : req.method
        handler = (graphql as unknown as Record<string, RouteHandler | undefined>)[method]
      } else {
        handler = api[req.method]
        params = { slug: catchAllParams(segments.slice(1)) }
      }
      if (!handler) {
        res.status(405).end()
        return
      }
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined && !SKIPPED.has(name)) {
          headers.set(name, Array.isArray(value) ? value.join(', ') : value)
        }
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req)
      const response = await handler(
        new Request(url, {
          body: body ? new Uint8Array(body) : undefined,
          headers,
          method: req.method,
        }),
        {
          params: Promise.resolve(params),
        },
      )
      res.status(response.status)
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie' && name !== 'content-length' && name !== 'content-encoding') {
          res.setHeader(name, value)
        }
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) {
        res.setHeader('set-cookie', cookies)
      }
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      next(error)
    }
  }
}
