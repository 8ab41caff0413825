import type { S3Client } from '@aws-sdk/client-s3'
import type { Payload, PayloadRequest } from 'payload'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import sharp from 'sharp'

import { holdsFor } from './helpers/holdsFor'
import { startTestPayload } from './helpers/payload'
import { databasePass, describeWithService } from './helpers/requiredService'
import {
  createBucket,
  listKeys,
  s3Client,
  s3Env,
  type S3Server,
  s3Server,
  s3Service,
} from './helpers/s3'
import { waitFor } from './helpers/waitFor'

/**
 * A media delete removes its objects only once it has committed: a crash or a rollback before
 * that must leave the record with its files. PostgreSQL only: it needs a transaction to hold
 * open (FerretDB has none; SQLite's are the adapter's option).
 */
const describeHere = describeWithService(
  'objectStorageDeletes.test',
  databasePass('postgres', 'it holds a transaction open'),
  s3Service(),
)

describeHere('deleting media in object storage', () => {
  let server: S3Server
  let client: S3Client
  let bucket: string
  let payload: Payload

  const keysOf = (doc: { filename?: null | string; sizes?: unknown }) =>
    [
      doc.filename,
      ...Object.values((doc.sizes ?? {}) as Record<string, { filename?: null | string }>).map(
        (size) => size.filename,
      ),
    ].filter((key): key is string => Boolean(key))

  const createMedia = async (name: string) => {
    const data = await sharp({
      create: { background: '#335577', channels: 3, height: 500, width: 900 },
    })
      .jpeg()
      .toBuffer()
    return payload.create({
      collection: 'media',
      data: { alt: name },
      file: { data, mimetype: 'image/jpeg', name: `${name}.jpg`, size: data.length },
    })
  }

  const hasAll = async (keys: string[]) => {
    const stored = await listKeys(client, bucket)
    return keys.every((key) => stored.includes(key))
  }

  /**
   * Objects are deleted after the delete operation returns, not in it: no event tells that
   * none will go, so every one is watched for half a second and must stay.
   */
  const keepsAll = (keys: string[], what: string) =>
    holdsFor(() => hasAll(keys), { ms: 500, what: `the bucket holding every file ${what}` })

  beforeAll(async () => {
    server = await s3Server()
    client = s3Client(server.endpoint)
    bucket = await createBucket(client, 'deletes')
    Object.assign(process.env, s3Env(server.endpoint, bucket))
    ;({ payload } = await startTestPayload())
  })

  afterAll(async () => {
    await payload?.destroy()
    for (const name of Object.keys(s3Env('', ''))) {
      delete process.env[name]
    }
    client?.destroy()
    await server?.stop()
  })

  it('keeps the files of a delete that is rolled back', async () => {
    const media = await createMedia('rolled-back')
    const keys = keysOf(media)
    // The original, 400 and 800 wide (never enlarged to 1600).
    expect(keys).toHaveLength(3)
    expect(await listKeys(client, bucket)).toEqual(expect.arrayContaining(keys))

    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    expect(req.transactionID).toBeDefined()
    await payload.delete({ collection: 'media', id: media.id, req })
    // Deleted inside the open transaction: the bucket still holds the files...
    await keepsAll(keys, 'while the delete is uncommitted')
    // ...and after the rollback the record is back with every one of them.
    await killTransaction(req)
    await keepsAll(keys, 'after the rollback')
    const again = await payload.findByID({ collection: 'media', id: media.id })
    expect(keysOf(again)).toEqual(keys)
    expect(await listKeys(client, bucket)).toEqual(expect.arrayContaining(keys))
  })

  it('removes the files once the delete has committed', async () => {
    const media = await createMedia('committed')
    const keys = keysOf(media)
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.delete({ collection: 'media', id: media.id, req })
    await keepsAll(keys, 'while the delete is uncommitted')
    await commitTransaction(req)
    await waitFor(
      async () => {
        const stored = await listKeys(client, bucket)
        return keys.every((key) => !stored.includes(key))
      },
      { timeoutMs: 5_000, what: 'the committed delete to remove every file from the bucket' },
    )
  })
  /** Replaces the media item's file in an update made through `req`. */
  const replaceFile = async (id: number | string, name: string, req: PayloadRequest) => {
    const data = await sharp({
      create: { background: '#775533', channels: 3, height: 500, width: 900 },
    })
      .jpeg()
      .toBuffer()
    return payload.update({
      collection: 'media',
      data: { alt: name },
      file: { data, mimetype: 'image/jpeg', name: `${name}.jpg`, size: data.length },
      id,
      req,
    })
  }

  it('keeps the old files of a replacement that is rolled back', async () => {
    const media = await createMedia('replaced-then-rolled-back')
    const keys = keysOf(media)
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const replaced = await replaceFile(media.id, 'replacement-rolled-back', req)
    expect(keysOf(replaced)).not.toEqual(keys)
    await keepsAll(keys, 'while the replacement is uncommitted')
    await killTransaction(req)
    await keepsAll(keys, 'after the replacement was rolled back')
    const again = await payload.findByID({ collection: 'media', id: media.id })
    expect(keysOf(again)).toEqual(keys)
  })

  it('removes the old files once the replacement has committed, and keeps the new ones', async () => {
    const media = await createMedia('replaced-and-committed')
    const keys = keysOf(media)
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const replaced = await replaceFile(media.id, 'replacement-committed', req)
    const newKeys = keysOf(replaced)
    await keepsAll(keys, 'while the replacement is uncommitted')
    await commitTransaction(req)
    await waitFor(
      async () => {
        const stored = await listKeys(client, bucket)
        return keys.every((key) => !stored.includes(key))
      },
      { timeoutMs: 5_000, what: 'the committed replacement to remove the old files' },
    )
    expect(await listKeys(client, bucket)).toEqual(expect.arrayContaining(newKeys))
  })
})
