import type { S3StorageOptions } from '@payloadcms/storage-s3'

/** Where the media collection's files live when they are in object storage. */
export type S3Settings = {
  bucket: string
  /** For the AWS SDK: endpoint, region, path-style addressing and, when given, keys. */
  config: S3StorageOptions['config']
  /** S3_ORPHAN_GRACE_SECONDS: how old an object without a record is before it is removed. */
  orphanGraceMs: number
}

const S3_VARIABLES = [
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_ORPHAN_GRACE_SECONDS',
] as const

const fail = (message: string): never => {
  throw new Error(`Object storage: ${message}`)
}

const parseBoolean = (name: string, value: string): boolean => {
  if (/^(true|1|yes)$/i.test(value)) {
    return true
  }
  if (/^(false|0|no)$/i.test(value)) {
    return false
  }
  return fail(`${name} must be true or false; got "${value}".`)
}

/**
 * Reads the S3_* variables once, at start, and refuses a half configuration with a message
 * naming the variable: a typo must stop the server, not surface as a failed upload later.
 * Returns undefined when no S3_* variable is set: media then stay on the local disk.
 */
export const s3Settings = (
  env: Record<string, string | undefined> = process.env,
): S3Settings | undefined => {
  const value = (name: (typeof S3_VARIABLES)[number]) => env[name]?.trim() || undefined
  const bucket = value('S3_BUCKET')
  if (!bucket) {
    const stray = S3_VARIABLES.filter((name) => value(name))
    if (stray.length > 0) {
      fail(`${stray.join(', ')} set but S3_BUCKET is not; set S3_BUCKET, or unset them.`)
    }
    return undefined
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    fail(`S3_BUCKET "${bucket}" is not a valid bucket name (3-63 of a-z, 0-9, "." and "-").`)
  }
  const endpoint = value('S3_ENDPOINT')
  if (endpoint) {
    let url: URL | undefined
    try {
      url = new URL(endpoint)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      fail(`S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:8333; got "${endpoint}".`)
    }
  }
  const region = value('S3_REGION')
  if (!endpoint && !region) {
    fail('S3_BUCKET is set without S3_REGION (AWS) or S3_ENDPOINT (an S3-compatible server).')
  }
  const accessKeyId = value('S3_ACCESS_KEY_ID')
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY')
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    fail('set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS default chain).')
  }
  const pathStyle = value('S3_FORCE_PATH_STYLE')
  const grace = value('S3_ORPHAN_GRACE_SECONDS') ?? '3600'
  if (!/^\d+$/.test(grace)) {
    fail(`S3_ORPHAN_GRACE_SECONDS must be a whole number of seconds; got "${grace}".`)
  }
  return {
    bucket,
    config: {
      // Unset keys leave the SDK its default chain (instance role, AWS_* variables, ...).
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      endpoint,
      // S3-compatible servers (SeaweedFS, MinIO, ...) on their own host name want
      // http://host/bucket/key rather than http://bucket.host/key.
      forcePathStyle: pathStyle
        ? parseBoolean('S3_FORCE_PATH_STYLE', pathStyle)
        : Boolean(endpoint),
      // Any region will do for most S3-compatible servers; AWS needs the bucket's own.
      region: region ?? 'us-east-1',
    },
    orphanGraceMs: Number(grace) * 1000,
  }
}
