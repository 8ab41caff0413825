import type { CollectionAfterDeleteHook } from 'payload'

const POLL_MS = 25
/** A transaction still open after this long is not waited for: the sweep has the last word. */
const WAIT_MS = 60_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Wraps storage-s3's afterDelete hook, which removes a media item's objects from the bucket
 * inside the delete's transaction: a crash (or a rollback) after that but before the commit
 * would leave a record whose file is gone. Instead the objects go once the transaction is over
 * (Payload deletes `req.transactionID` then) and only if the record is really gone. A crash in
 * between leaves objects without a record, which the orphan sweep removes.
 */
export const deleteOnceCommitted =
  (deleteObjects: CollectionAfterDeleteHook): CollectionAfterDeleteHook =>
  (args) => {
    const { collection, doc, req } = args
    const run = async () => {
      const deadline = Date.now() + WAIT_MS
      while (req.transactionID && Date.now() < deadline) {
        await sleep(POLL_MS)
      }
      if (req.transactionID) {
        return
      }
      // A fresh read outside the (finished) transaction: still there means it was rolled back.
      const still = await req.payload.db.findOne({
        collection: collection.slug,
        where: { id: { equals: doc.id } },
      })
      if (!still) {
        await deleteObjects(args)
      }
    }
    run().catch((err: unknown) =>
      req.payload.logger.error({ err, msg: `could not remove the files of media ${doc.id}` }),
    )
    return doc
  }
