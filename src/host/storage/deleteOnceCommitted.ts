import type { CollectionAfterDeleteHook } from 'payload'

import { afterTransaction } from './afterTransaction'

/**
 * Wraps storage-s3's afterDelete hook, which removes a media item's objects from the bucket
 * inside the delete's transaction: a crash (or a rollback) after that but before the commit
 * would leave a record whose file is gone. Instead the objects go once the transaction is over
 * and only if the record is really gone. A crash in between leaves objects without a record,
 * which the orphan sweep removes.
 */
export const deleteOnceCommitted =
  (deleteObjects: CollectionAfterDeleteHook): CollectionAfterDeleteHook =>
  (args) => {
    const { collection, doc, req } = args
    afterTransaction(req, `could not remove the files of media ${doc.id}`, async () => {
      // A fresh read outside the (finished) transaction: still there means it was rolled back.
      const still = await req.payload.db.findOne({
        collection: collection.slug,
        where: { id: { equals: doc.id } },
      })
      if (!still) {
        await deleteObjects(args)
      }
    })
    return doc
  }
