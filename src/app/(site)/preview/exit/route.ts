import { draftMode } from 'next/headers'

import { notASitePath, sitePath } from '../../../../host/site/preview'

/** Back to what readers see: the page given as `path` (on this site only), else the front page. */
export const GET = async (request: Request): Promise<Response> => {
  const given = new URL(request.url).searchParams.get('path')
  const path = given ? sitePath(given) : '/'
  if (!path) {
    return notASitePath()
  }
  ;(await draftMode()).disable()
  return new Response(null, { headers: { location: path }, status: 307 })
}
