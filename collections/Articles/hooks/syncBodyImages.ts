import type { CollectionBeforeChangeHook } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { bodyImageIds } from '../../../src/utilities/lexical'

/**
 * `bodyImages` is what the body shows, worked out by the server on every save: a rich-text body
 * cannot be queried by path, and the live flags of the images in it need a field that can.
 */
export const syncBodyImages: CollectionBeforeChangeHook<NewsroomArticle> = ({
  data,
  originalDoc,
}) => {
  const body = data.body !== undefined ? data.body : originalDoc?.body
  ;(data as { bodyImages?: unknown }).bodyImages = bodyImageIds(body, collectionSlugs.media)
  return data
}
