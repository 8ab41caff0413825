import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { Id, NewsroomDocuments } from '../documents'

type FindByIdsArgs<TSlug extends keyof NewsroomDocuments> = {
  collection: TSlug
  ids: Id[]
  req: PayloadRequest
  /** Only these fields, when the caller needs a few. */
  select?: Record<string, true>
  /** Narrows the records further, e.g. to disputed quotes only. */
  where?: Where
}

/**
 * The records with these ids (in the database's order), read within the request, typed as the
 * plugin reads them rather than as a host's generated types say.
 */
export const findByIds = async <TSlug extends keyof NewsroomDocuments>({
  collection,
  ids,
  req,
  select,
  where,
}: FindByIdsArgs<TSlug>): Promise<NewsroomDocuments[TSlug][]> => {
  if (ids.length === 0) {
    return []
  }
  const byId: Where = { id: { in: ids } }
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    depth: 0,
    limit: ids.length,
    pagination: false,
    req,
    ...(select ? { select } : {}),
    where: where ? { and: [byId, where] } : byId,
  })
  return docs as NewsroomDocuments[TSlug][]
}
