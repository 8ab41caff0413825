import type { IncomingHttpHeaders } from 'node:http'

import { API_READ_HEADER } from 'payload-plugin-newsroom/delivery'

import { DRAFT_MODE_COOKIE } from '../pageCache/bypass'

/** Headers that turn a POST into a read of another kind (Payload's method override). */
const OVERRIDES = ['x-http-method-override', 'x-payload-http-method-override']

/** Next's cookie for its older preview mode, read like draft mode's. */
const PREVIEW_DATA_COOKIE = '__next_preview_data'

/**
 * Whether a request must reach Payload rather than the API cache: any credentials (an
 * Authorization header, a user's JWT or a partner's `users API-Key …`), any cookie Payload reads
 * (its session, its language, anything under its prefix) or Next's draft and preview cookies, a
 * method override, or the cache's own render.
 */
export const mustBypassApi = (headers: IncomingHttpHeaders, cookiePrefix: string): boolean => {
  if (headers.authorization !== undefined || headers[API_READ_HEADER] !== undefined) {
    return true
  }
  if (OVERRIDES.some((name) => headers[name] !== undefined)) {
    return true
  }
  const cookie = headers.cookie
  if (!cookie) {
    return false
  }
  return cookie.split(';').some((pair) => {
    const name = pair.split('=')[0].trim()
    return (
      name.startsWith(`${cookiePrefix}-`) ||
      name === DRAFT_MODE_COOKIE ||
      name === PREVIEW_DATA_COOKIE
    )
  })
}
