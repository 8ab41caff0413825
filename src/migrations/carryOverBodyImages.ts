import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../documents'
import type { CarryOverArgs } from './carryOverArgs'

import { markLiveMedia } from '../../collections/Articles/hooks/markLiveRecords'
import { collectionSlugs } from '../collectionSlugs'
import { bodyImageIds } from '../utilities/lexical'
import { onceAtStart } from './onceAtStart'

/** Where the start-up step remembers that the carry-over ran (see onceAtStart). */
export const BODY_IMAGES_DONE = 'newsroom:carried-over:body-images'

/**
 * Stories saved before `bodyImages` existed: each gets the images its body shows, and every such
 * image's live flag is set, so a writer can no longer replace an image a live story shows in
 * its body. Run once at start (carryOverBodyImagesAtStart), after the migrations.
 */
export const carryOverBodyImages = async ({
  payload,
  req,
}: CarryOverArgs): Promise<{ articles: number; images: number }> => {
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

/** The carry-over once at start, on every adapter, after the migrations (see onceAtStart). */
export const carryOverBodyImagesAtStart = (payload: Payload): Promise<void> =>
  onceAtStart(payload, BODY_IMAGES_DONE, async () => {
    const { articles } = await carryOverBodyImages({ payload })
    return articles > 0 ? `Recorded the body images of ${articles} stories.` : null
  })
