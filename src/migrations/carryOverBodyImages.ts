import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../documents'

import { markLiveMedia } from '../../collections/Articles/hooks/markLiveRecords'
import { collectionSlugs } from '../collectionSlugs'
import { bodyImageIds } from '../utilities/lexical'

/** Payload's key-value store remembers that MongoDB's carry-over ran (it has no migrations). */
export const BODY_IMAGES_DONE = 'newsroom:carried-over:body-images'

type CarryOverBodyImagesArgs = {
  payload: Payload
  /** The migration's request, so every write joins its transaction. */
  req?: Partial<PayloadRequest>
}

/**
 * Stories saved before `bodyImages` existed: each gets the images its body shows, and every such
 * image's live flag is set, so a writer can no longer replace an image a live story shows in
 * its body. Run by the `body_images` migration (SQL) and once at start on MongoDB.
 */
export const carryOverBodyImages = async ({
  payload,
  req,
}: CarryOverBodyImagesArgs): Promise<{ articles: number; images: number }> => {
  const { docs } = await payload.find({
    collection: collectionSlugs.articles,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { body: true },
  })
  const images = new Map<string, Id>()
  let articles = 0
  for (const doc of docs) {
    const ids = bodyImageIds((doc as { body?: unknown }).body, collectionSlugs.media)
    if (ids.length === 0) continue
    await payload.db.updateOne({
      collection: collectionSlugs.articles,
      data: { bodyImages: ids },
      id: doc.id,
      req,
    })
    articles += 1
    for (const id of ids) images.set(String(id), id)
  }
  if (images.size > 0) {
    await markLiveMedia({ ...req, context: req?.context ?? {}, payload } as PayloadRequest, [
      ...images.values(),
    ])
  }
  return { articles, images: images.size }
}

/** MongoDB: the carry-over once, remembered in Payload's key-value store. */
export const carryOverBodyImagesMongo = async (payload: Payload): Promise<void> => {
  if (payload.db.name !== 'mongoose' || (await payload.kv.get(BODY_IMAGES_DONE))) return
  const { articles } = await carryOverBodyImages({ payload })
  await payload.kv.set(BODY_IMAGES_DONE, { at: new Date().toISOString() })
  if (articles > 0) {
    payload.logger.info(`Recorded the body images of ${articles} stories.`)
  }
}
