import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { CollectionSlug, Payload } from 'payload'

import type { S3Settings } from './s3Settings'

type StoredFile = {
  _objectKey?: null | string
  filename?: null | string
  prefix?: null | string
  sizes?: Record<string, { filename?: null | string } | null | undefined> | null
}

const folder = (...parts: (null | string | undefined)[]) =>
  parts
    .map((part) => (part ?? '').replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')

/** Every object key a media record points at: its original and each of its sizes. */
export const referencedKeys = (docs: StoredFile[]): Set<string> => {
  const keys = new Set<string>()
  for (const doc of docs) {
    const base = folder(doc.prefix, doc._objectKey)
    const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
    for (const name of names) {
      if (name) {
        keys.add(folder(base, name))
      }
    }
  }
  return keys
}

export type SweepOptions = {
  collection: CollectionSlug
  payload: Payload
  settings: S3Settings
  /** Objects younger than this may belong to an upload whose transaction is still open. */
  graceMs: number
}

/**
 * Removes the bucket's objects no media record points at, once older than `graceMs`. An
 * upload writes its objects inside the record's transaction, before the commit: a crash in
 * between leaves objects without a record, and so may a delete (see deleteOnceCommitted).
 * Safe on any number of instances at once: deleting an absent key is not an error.
 */
export const sweepOrphanObjects = async ({
  collection,
  graceMs,
  payload,
  settings,
}: SweepOptions): Promise<{ checked: number; deleted: string[] }> => {
  const client = new S3Client(settings.config)
  try {
    const cutoff = Date.now() - graceMs
    const candidates: string[] = []
    let checked = 0
    let token: string | undefined
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: settings.bucket, ContinuationToken: token }),
      )
      for (const object of page.Contents ?? []) {
        checked += 1
        if (object.Key && (object.LastModified?.getTime() ?? 0) <= cutoff) {
          candidates.push(object.Key)
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    if (candidates.length === 0) {
      return { checked, deleted: [] }
    }
    // Read the records after listing: a record committed meanwhile is then seen.
    const { docs } = await payload.find({
      collection,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
    })
    const keep = referencedKeys(docs as StoredFile[])
    const deleted = candidates.filter((key) => !keep.has(key))
    // One by one: orphans are few, and not every S3-compatible server takes DeleteObjects.
    for (const Key of deleted) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key }))
    }
    return { checked, deleted }
  } finally {
    client.destroy()
  }
}
