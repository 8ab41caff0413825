import type { Payload, TypedUser } from 'payload'

import { hasRole, roles } from 'payload-plugin-newsroom'
import { articlePath } from './paths'

export const PREVIEW_ROUTE = '/preview'

/** Where the admin's Preview button and live-preview pane open an article. */
export const articlePreviewUrl = (slug: null | string | undefined): null | string =>
  slug ? `${PREVIEW_ROUTE}?path=${encodeURIComponent(articlePath(slug))}` : null

/** Stands in for this site's origin: only whether a path stays on it matters, not its name. */
const SITE = new URL('http://site.invalid')

/** Control characters: the URL parser drops tabs and newlines, and a header cannot carry any. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * Only a path on this site, as the URL parser reads it (the way a browser follows a redirect):
 * a preview link must not send anyone elsewhere. `/\t/evil.example` and `/\\evil.example` parse
 * as `//evil.example`, another host, and are refused like `//evil.example` and absolute URLs;
 * what is kept comes back serialised by the parser (percent-encoded), safe in a Location header.
 */
export const sitePath = (value: null | string): null | string => {
  if (!value || !value.startsWith('/') || CONTROL.test(value)) {
    return null
  }
  const stays = (path: string) => {
    try {
      return new URL(path, SITE).origin === SITE.origin
    } catch {
      return false
    }
  }
  if (!stays(value)) {
    return null
  }
  const { hash, pathname, search } = new URL(value, SITE)
  const path = `${pathname}${search}${hash}`
  // Parsing can turn `/.//evil.example` into `//evil.example`: what is sent must stay here too.
  return stays(path) ? path : null
}

/** The 400 for a `path` that is not on this site. */
export const notASitePath = (): Response =>
  Response.json(
    { errors: [{ message: 'path must be a path on this site, such as /news/<slug>' }] },
    { status: 400 },
  )

/** The signed-in staff member behind a request's cookie, or null for everyone else. */
export const previewUser = async (
  payload: Payload,
  headers: Headers,
): Promise<null | TypedUser> => {
  const { user } = await payload.auth({ headers })
  return user && hasRole(user, ...roles) ? user : null
}
