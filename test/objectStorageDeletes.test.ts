import type { S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import sharp from 'sharp'

import { databaseKind } from '../src/host/database/database'
import { startTestPayload } from './helpers/payload'
import { createBucket, listKeys, s3Client, s3Env, type S3Server, s3Server } from './helpers/s3'

/**
 * A media delete removes its objects only once it has committed: a crash or a rollback before
 * that must leave the record with its files. PostgreSQL only: it needs a transaction to hold
 * open (FerretDB has none; SQLite's are the adapter's option).
 */
const onPostgres = databaseKind(process.env.DATABASE_URI) === 'postgres'

;(onPostgres ? describe : describe.skip)('deleting media in object storage', () => {
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

  const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

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
    await settle()
    expect(await listKeys(client, bucket)).toEqual(expect.arrayContaining(keys))
    // ...and after the rollback the record is back with every one of them.
    await killTransaction(req)
    await settle()
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
    await settle()
    expect(await listKeys(client, bucket)).toEqual(expect.arrayContaining(keys))
    await commitTransaction(req)
    const deadline = Date.now() + 5_000
    let left = keys
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      const stored = await listKeys(client, bucket)
      left = keys.filter((key) => stored.includes(key))
    }
    expect(left).toEqual([])
  })
})
