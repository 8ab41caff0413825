import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3'

import type { S3Settings } from './s3Settings'

/**
 * Asks the bucket once at start: missing credentials, a wrong endpoint or a bucket that does
 * not exist then stop the server with a message, instead of failing every upload with a 500.
 */
export const checkBucket = async (settings: S3Settings): Promise<void> => {
  const client = new S3Client({ ...settings.config, maxAttempts: 2 })
  try {
    await client.send(new HeadBucketCommand({ Bucket: settings.bucket }))
  } catch (error) {
    const { message, name } = error as Error
    const where = settings.config.endpoint ? `at ${String(settings.config.endpoint)}` : 'on AWS'
    throw new Error(
      `Object storage: cannot use bucket "${settings.bucket}" ${where} (${name}: ${message}). ` +
        'Check S3_BUCKET (it must exist), S3_ENDPOINT, S3_REGION and the keys.',
    )
  } finally {
    client.destroy()
  }
}
