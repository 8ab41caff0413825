import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { RequiredService } from './requiredService'
import { waitFor } from './waitFor'

const weedBinary = path.join(process.cwd(), '.cache', 'bin', 'weed')

export type S3Server = {
  endpoint: string
  /** Stops a server this helper started (a no-op for CI's shared one). */
  stop: () => Promise<void>
}

const waitForS3 = async (endpoint: string, child: ChildProcess | undefined, log: () => string) => {
  const client = s3Client(endpoint)
  const answered = async (): Promise<'answered' | 'exited' | null> => {
    if (child && child.exitCode !== null) return 'exited'
    try {
      await client.send(new ListObjectsV2Command({ Bucket: 'newsroom-probe' }))
      return 'answered'
    } catch (error) {
      // NoSuchBucket is an answer from a working S3 API; anything else means not yet.
      return (error as { name?: string }).name === 'NoSuchBucket' ? 'answered' : null
    }
  }
  try {
    const state = await waitFor(answered, {
      intervalMs: 300,
      timeoutMs: 60_000,
      what: `an S3 answer from ${endpoint}`,
    }).catch((error: Error) => {
      throw new Error(`${error.message}:\n${log()}`)
    })
    if (state === 'exited') {
      throw new Error(`weed exited with ${child?.exitCode}:\n${log()}`)
    }
  } finally {
    client.destroy()
  }
}

/**
 * Whether `s3Server` can give a suite a server: CI's (NEWSROOM_TEST_S3_ENDPOINT), or SeaweedFS
 * built into .cache/bin/weed, which it starts itself. No npm package provides one.
 */
export const s3Service = (): RequiredService => ({
  available: Boolean(process.env.NEWSROOM_TEST_S3_ENDPOINT) || fs.existsSync(weedBinary),
  howToGet:
    'set NEWSROOM_TEST_S3_ENDPOINT to an S3 API, or build SeaweedFS with ' +
    '`bash .ci/seaweedfs.sh build` (needs Go), or run .ci/run',
  missing: 'no S3 server (NEWSROOM_TEST_S3_ENDPOINT is unset and .cache/bin/weed is not built)',
})

/**
 * The S3 server the suite stores media in: CI's SeaweedFS (NEWSROOM_TEST_S3_ENDPOINT, started
 * by .ci/run), or locally one started here from .cache/bin/weed (`.ci/seaweedfs.sh build`).
 * Suites ask `s3Service` first (describeWithService); here a missing server is still an error.
 */
export const s3Server = async (): Promise<S3Server> => {
  const given = process.env.NEWSROOM_TEST_S3_ENDPOINT
  if (given) {
    await waitForS3(given, undefined, () => '')
    return { endpoint: given, stop: async () => {} }
  }
  if (process.env.CI === 'true') {
    throw new Error('CI=true but NEWSROOM_TEST_S3_ENDPOINT is unset: .ci/run starts SeaweedFS.')
  }
  if (!fs.existsSync(weedBinary)) {
    throw new Error(
      `No S3 server: set NEWSROOM_TEST_S3_ENDPOINT, or run \`bash .ci/seaweedfs.sh build\` so ` +
        `${weedBinary} exists.`,
    )
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-seaweedfs-'))
  // Master, volume and filer also take a gRPC port 10000 above their HTTP port: pick ports
  // low enough for that, and check both halves are free.
  const pick = async (): Promise<number> => {
    for (;;) {
      const port = 20000 + Math.floor(Math.random() * 20000)
      if ((await portFree(port)) && (await portFree(port + 10000))) {
        return port
      }
    }
  }
  const [master, volume, filer, s3] = [await pick(), await pick(), await pick(), await pick()]
  let log = ''
  const child = spawn(
    weedBinary,
    [
      'server',
      `-dir=${dir}`,
      '-ip=127.0.0.1',
      '-ip.bind=127.0.0.1',
      `-master.port=${master}`,
      `-master.port.grpc=${master + 10000}`,
      `-volume.port=${volume}`,
      `-volume.port.grpc=${volume + 10000}`,
      `-filer.port=${filer}`,
      `-filer.port.grpc=${filer + 10000}`,
      '-master.volumeSizeLimitMB=64',
      '-volume.max=0',
      '-s3',
      `-s3.port=${s3}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.on('data', (chunk) => (log = (log + chunk).slice(-20_000)))
  child.stderr?.on('data', (chunk) => (log = (log + chunk).slice(-20_000)))
  const endpoint = `http://127.0.0.1:${s3}`
  const stop = async () => {
    if (child.exitCode === null) {
      // weed ignores SIGTERM for 15 s or more; nothing of it needs keeping.
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    }
    fs.rmSync(dir, { force: true, recursive: true })
  }
  try {
    await waitForS3(endpoint, child, () => log)
  } catch (error) {
    await stop()
    throw error
  }
  return { endpoint, stop }
}

const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })

export const s3Client = (endpoint: string): S3Client =>
  new S3Client({
    credentials: { accessKeyId: 'newsroom-test', secretAccessKey: 'newsroom-test' },
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
  })

/** A new, empty bucket with a name of its own, so suites never see each other's objects. */
export const createBucket = async (client: S3Client, suite: string): Promise<string> => {
  const bucket = `newsroom-${suite}-${randomBytes(4).toString('hex')}`
  await client.send(new CreateBucketCommand({ Bucket: bucket }))
  return bucket
}

/** Every key in the bucket, sorted. */
export const listKeys = async (client: S3Client, bucket: string): Promise<string[]> => {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    )
    keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])))
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return keys.sort()
}

export const getObjectBytes = async (
  client: S3Client,
  bucket: string,
  key: string,
): Promise<{ bytes: Buffer; contentType: string | undefined }> => {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return {
    bytes: Buffer.from(
      await (
        object.Body as { transformToByteArray: () => Promise<Uint8Array> }
      ).transformToByteArray(),
    ),
    contentType: object.ContentType,
  }
}

/** The environment that puts an instance's media in `bucket`. */
export const s3Env = (endpoint: string, bucket: string): Record<string, string> => ({
  S3_ACCESS_KEY_ID: 'newsroom-test',
  S3_BUCKET: bucket,
  S3_ENDPOINT: endpoint,
  S3_REGION: 'us-east-1',
  S3_SECRET_ACCESS_KEY: 'newsroom-test',
})
