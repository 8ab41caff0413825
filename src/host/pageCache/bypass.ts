import type { IncomingHttpHeaders } from 'node:http'

import { RENDER_HEADER } from './renderKeys'

/** Next's draft-mode cookie: preview shows the latest draft to the staff member behind it. */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

/**
 * Whether a request must reach Next rather than the cache: a staff session (Payload's cookie,
 * an Authorization header), draft mode, a client-side navigation of Next's router (it asks for
 * the RSC payload, not the page), or the cache's own render.
 */
export const mustBypass = (headers: IncomingHttpHeaders, sessionCookie: string): boolean => {
  if (headers.authorization || headers[RENDER_HEADER] !== undefined) {
    return true
  }
  if (headers.rsc !== undefined || headers['next-router-prefetch'] !== undefined) {
    return true
  }
  const cookie = headers.cookie
  return Boolean(
    cookie && (cookie.includes(`${sessionCookie}=`) || cookie.includes(`${DRAFT_MODE_COOKIE}=`)),
  )
}
