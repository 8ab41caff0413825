import http from 'node:http'

import { RENDER_HEADER } from './renderKeys'

export type RenderedPage = {
  body: Buffer
  headers: http.IncomingHttpHeaders
  status: number
}

/** A render that takes longer than this is abandoned; the reader is sent to Next directly. */
const RENDER_TIMEOUT_MS = 30_000

/**
 * Asks this server for the page as an anonymous reader, with no cookie and uncompressed, so
 * Next renders it exactly as it does for anyone (never in draft mode). The request carries the
 * render id, which sends it past the page cache to Next and lets the page record its keys.
 */
export const renderThroughNext = ({
  body,
  headers = {},
  method = 'GET',
  origin,
  path,
  renderHeader = RENDER_HEADER,
  renderId,
}: {
  /** Sent with a POST (the API cache's GraphQL queries). */
  body?: Buffer
  /** Besides the render's own (the API cache's GraphQL Accept and Content-Type). */
  headers?: Record<string, string>
  method?: 'GET' | 'POST'
  /** This server, e.g. http://127.0.0.1:3000. */
  origin: string
  path: string
  /** The header that carries the render id: the page cache's, or the API cache's. */
  renderHeader?: string
  renderId: string
}): Promise<RenderedPage> =>
  new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, origin),
      {
        headers: {
          ...headers,
          'accept-encoding': 'identity',
          ...(body ? { 'content-length': String(body.length) } : {}),
          [renderHeader]: renderId,
        },
        method,
        timeout: RENDER_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            body: Buffer.concat(chunks),
            headers: response.headers,
            status: response.statusCode ?? 502,
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('timeout', () => request.destroy(new Error('page render timed out')))
    request.on('error', reject)
    request.end(body)
  })
