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
  origin,
  path,
  renderId,
}: {
  /** This server, e.g. http://127.0.0.1:3000. */
  origin: string
  path: string
  renderId: string
}): Promise<RenderedPage> =>
  new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, origin),
      {
        headers: {
          'accept-encoding': 'identity',
          [RENDER_HEADER]: renderId,
        },
        method: 'GET',
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
    request.end()
  })
