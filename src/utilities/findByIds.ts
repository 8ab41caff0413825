import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest, Where } from 'payload'

type FindByIdsArgs<TSlug extends CollectionSlug> = {
  collection: TSlug
  ids: (number | string)[]
  req: PayloadRequest
  /** Narrows the records further, e.g. to disputed quotes only. */
  where?: Where
}

/** The records with these ids (in the database's order), read within the request. */
export const findByIds = async <TSlug extends CollectionSlug>({
  collection,
  ids,
  req,
  where,
}: FindByIdsArgs<TSlug>): Promise<DataFromCollectionSlug<TSlug>[]> => {
  if (ids.length === 0) {
    return []
  }
  const byId: Where = { id: { in: ids } }
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    limit: ids.length,
    pagination: false,
    req,
    where: where ? { and: [byId, where] } : byId,
  })
  return docs as DataFromCollectionSlug<TSlug>[]
}
