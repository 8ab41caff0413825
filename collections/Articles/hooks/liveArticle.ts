import type { PayloadRequest } from 'payload'

import type { Id, NewsroomArticle } from '../../../src/documents'

import { collectionSlugs } from '../../../src/collectionSlugs'

const cacheKey = (id: Id) => `newsroomLiveArticle:${String(id)}`

/**
 * The article readers get (the main document, not the newest draft), read once per request
 * however many hooks ask (Payload copies the request context between steps, so the document is
 * kept there, never a promise). Null when it is not published, or is still being created.
 */
export const readLiveArticle = async (
  req: PayloadRequest,
  id: Id | null | undefined,
): Promise<NewsroomArticle | null> => {
  if (id === undefined || id === null) {
    return null
  }
  const key = cacheKey(id)
  if (!(key in req.context)) {
    const doc = (await req.payload.findByID({
      collection: collectionSlugs.articles,
      depth: 0,
      disableErrors: true,
      draft: false,
      id,
      overrideAccess: true,
      req,
    })) as NewsroomArticle | null
    req.context[key] = doc?._status === 'published' ? doc : null
  }
  return req.context[key] as NewsroomArticle | null
}
