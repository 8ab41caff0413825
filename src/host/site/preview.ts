import type { Payload, TypedUser } from 'payload'

import { hasRole, roles } from 'payload-plugin-newsroom'
import { articlePath } from './paths'

export const PREVIEW_ROUTE = '/preview'

/** Where the admin's Preview button and live-preview pane open an article. */
export const articlePreviewUrl = (slug: null | string | undefined): null | string =>
  slug ? `${PREVIEW_ROUTE}?path=${encodeURIComponent(articlePath(slug))}` : null

/** Only a path on this site: a preview link must not send anyone elsewhere. */
export const sitePath = (value: null | string): null | string =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : null

/** The signed-in staff member behind a request's cookie, or null for everyone else. */
export const previewUser = async (
  payload: Payload,
  headers: Headers,
): Promise<null | TypedUser> => {
  const { user } = await payload.auth({ headers })
  return user && hasRole(user, ...roles) ? user : null
}
