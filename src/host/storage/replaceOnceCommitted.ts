import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { afterTransaction } from './afterTransaction'

type StoredFiles = {
  filename?: null | string
  sizes?: Record<string, { filename?: null | string } | null | undefined> | null
}

const filenamesOf = (doc: StoredFiles | null | undefined): Set<string> =>
  new Set(
    [doc?.filename, ...Object.values(doc?.sizes ?? {}).map((size) => size?.filename)].filter(
      (name): name is string => typeof name === 'string' && name !== '',
    ),
  )

/** The record as far as its files go: only those listed, so the rest are left alone. */
const onlyFiles = <T extends StoredFiles>(doc: T, keep: Set<string>): T => ({
  ...doc,
  filename: doc.filename && keep.has(doc.filename) ? doc.filename : null,
  sizes: Object.fromEntries(
    Object.entries(doc.sizes ?? {}).map(([name, size]) => [
      name,
      size?.filename && keep.has(size.filename) ? size : { ...size, filename: null },
    ]),
  ),
})

/**
 * Wraps storage-s3's afterChange hook, which, when an update replaces a media item's file,
 * uploads the new objects and deletes the old ones inside the update's transaction: a rollback
 * (or a crash) before the commit would leave the record pointing at objects already gone. The
 * hook runs as before but without the old files to delete; they go once the transaction is
 * over, and only those the stored record no longer names (a rolled-back update keeps them).
 * Objects of a replacement whose transaction never commits are left to the orphan sweep.
 */
export const replaceOnceCommitted =
  (
    uploadObjects: CollectionAfterChangeHook,
    deleteObjects: CollectionAfterDeleteHook,
  ): CollectionAfterChangeHook =>
  async (args) => {
    const { collection, operation, previousDoc, req } = args
    const before = filenamesOf(previousDoc as StoredFiles)
    if (operation !== 'update' || before.size === 0) {
      return uploadObjects(args)
    }
    const result = await uploadObjects({
      ...args,
      previousDoc: onlyFiles(previousDoc as StoredFiles, new Set()),
    })
    afterTransaction(
      req,
      `could not remove the replaced files of media ${previousDoc.id}`,
      async () => {
        const stored = await req.payload.db.findOne<StoredFiles & { id: number | string }>({
          collection: collection.slug,
          where: { id: { equals: previousDoc.id } },
        })
        const current = filenamesOf(stored)
        const stale = new Set([...before].filter((name) => !current.has(name)))
        if (stored && stale.size > 0) {
          await deleteObjects({
            collection,
            context: req.context,
            doc: onlyFiles(previousDoc as StoredFiles & { id: number | string }, stale),
            id: previousDoc.id,
            req,
          })
        }
      },
    )
    return result
  }
