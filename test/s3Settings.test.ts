import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

import { s3Settings } from '../src/host/storage/s3Settings'

/** The S3_* variables are read at start: a half configuration must stop it, naming the variable. */
describe('object storage settings', () => {
  it('keeps media on the local disk when no S3_* variable is set', () => {
    expect(s3Settings({})).toBeUndefined()
  })

  it('reads an S3-compatible server with path-style addressing by default', () => {
    const settings = s3Settings({
      S3_ACCESS_KEY_ID: 'key',
      S3_BUCKET: 'newsroom-media',
      S3_ENDPOINT: 'http://127.0.0.1:8333',
      S3_SECRET_ACCESS_KEY: 'secret',
    })
    expect(settings).toEqual({
      bucket: 'newsroom-media',
      config: {
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
        endpoint: 'http://127.0.0.1:8333',
        forcePathStyle: true,
        region: 'us-east-1',
      },
      orphanGraceMs: 3_600_000,
    })
  })

  it('reads AWS: a region, virtual-hosted addressing, the SDK’s own credentials', () => {
    const settings = s3Settings({ S3_BUCKET: 'newsroom-media', S3_REGION: 'eu-west-1' })
    expect(settings?.config).toEqual({
      endpoint: undefined,
      forcePathStyle: false,
      region: 'eu-west-1',
    })
    expect(
      s3Settings({
        S3_BUCKET: 'newsroom-media',
        S3_ENDPOINT: 'https://s3.example',
        S3_FORCE_PATH_STYLE: 'false',
      })?.config.forcePathStyle,
    ).toBe(false)
  })

  it.each([
    [{ S3_BUCKET: 'newsroom-media' }, /S3_REGION.*S3_ENDPOINT/],
    [{ S3_ENDPOINT: 'http://127.0.0.1:8333' }, /S3_ENDPOINT set but S3_BUCKET is not/],
    [{ S3_BUCKET: 'Bad_Bucket', S3_REGION: 'eu-west-1' }, /S3_BUCKET "Bad_Bucket"/],
    [
      { S3_BUCKET: 'newsroom-media', S3_ENDPOINT: 'ftp://x' },
      /S3_ENDPOINT must be an http\(s\) URL/,
    ],
    [{ S3_BUCKET: 'newsroom-media', S3_ENDPOINT: '127.0.0.1:8333' }, /S3_ENDPOINT must be/],
    [
      { S3_ACCESS_KEY_ID: 'key', S3_BUCKET: 'newsroom-media', S3_REGION: 'eu-west-1' },
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/,
    ],
    [
      { S3_BUCKET: 'newsroom-media', S3_FORCE_PATH_STYLE: 'maybe', S3_REGION: 'eu-west-1' },
      /S3_FORCE_PATH_STYLE must be true or false/,
    ],
    [
      { S3_BUCKET: 'newsroom-media', S3_ORPHAN_GRACE_SECONDS: '1h', S3_REGION: 'eu-west-1' },
      /S3_ORPHAN_GRACE_SECONDS must be a whole number/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => s3Settings(env)).toThrow(message)
  })
})

const startServer = async (s3: Record<string, string>) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: 'test-only-secret',
    PORT: '0',
    ...s3,
    // A file of its own: never the developer's data/newsroom.db, never the suite's database.
    DATABASE_URI: `file:${path.join(os.tmpdir(), `newsroom-s3-start-${randomUUID()}.db`)}`,
  }
  delete env.NODE_OPTIONS
  const child = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'src/host/server/start.ts'],
    { env },
  )
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const code = await new Promise<null | number>((resolve) => child.once('exit', resolve))
  return { code, output }
}

describe('the server with object storage it cannot use', () => {
  it('stops at start on a half configuration, naming the variable', async () => {
    const { code, output } = await startServer({ S3_BUCKET: 'newsroom-media' })
    expect(code).not.toBe(0)
    expect(output).toContain(
      'Object storage: S3_BUCKET is set without S3_REGION (AWS) or S3_ENDPOINT',
    )
    expect(output).not.toContain('listening')
  }, 60_000)

  it('stops at start when the bucket cannot be reached, before it serves anything', async () => {
    const { code, output } = await startServer({
      S3_ACCESS_KEY_ID: 'key',
      S3_BUCKET: 'newsroom-media',
      // Nothing listens on port 9 (discard) here: the connection is refused at once.
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_SECRET_ACCESS_KEY: 'secret',
    })
    expect(code).not.toBe(0)
    expect(output).toContain(
      'Object storage: cannot use bucket "newsroom-media" at http://127.0.0.1:9',
    )
    expect(output).not.toContain('listening')
  }, 90_000)
})
