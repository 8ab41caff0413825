import config from '@payload-config'
import { draftMode } from 'next/headers'
import { getPayload } from 'payload'

import { notASitePath, previewUser, sitePath } from '../../../host/site/preview'

/**
 * Turns on draft mode for a signed-in staff member and opens the page. Draft mode alone shows
 * nothing unpublished: every page checks the session again before reading a draft.
 */
export const GET = async (request: Request): Promise<Response> => {
  const path = sitePath(new URL(request.url).searchParams.get('path'))
  if (!path) {
    return notASitePath()
  }
  const payload = await getPayload({ config })
  if (!(await previewUser(payload, request.headers))) {
    return Response.json(
      { errors: [{ message: 'Sign in to the admin to preview drafts.' }] },
      { status: 401 },
    )
  }
  ;(await draftMode()).enable()
  return new Response(null, { headers: { location: path }, status: 307 })
}
