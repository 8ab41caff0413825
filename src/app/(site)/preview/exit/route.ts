import { draftMode } from 'next/headers'

import { sitePath } from '../../../../host/site/preview'

/** Back to what readers see. */
export const GET = async (request: Request): Promise<Response> => {
  ;(await draftMode()).disable()
  const path = sitePath(new URL(request.url).searchParams.get('path')) ?? '/'
  return new Response(null, { headers: { location: path }, status: 307 })
}
