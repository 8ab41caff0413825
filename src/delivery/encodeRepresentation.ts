import { createHash } from 'node:crypto'

export type DeliveryFormat = 'json' | 'ninjs'

/** One response body, ready to send as it is, with its validators. */
export type DeliveryRepresentation = {
  body: Buffer
  contentType: string
  /** Strong: the same bytes give the same tag on every instance. */
  etag: string
  lastModified: Date
}

/**
 * ninjs has no media type of its own in the IANA registry, so it is served as JSON; the
 * `standard` property in the body says what it is.
 */
const contentTypes: Record<DeliveryFormat, string> = {
  json: 'application/json; charset=utf-8',
  ninjs: 'application/json; charset=utf-8',
}

/** A value as the bytes a delivery answer sends, with a strong ETag equal on every instance. */
export const encodeRepresentation = (
  value: unknown,
  format: DeliveryFormat,
  lastModified: Date,
): DeliveryRepresentation => {
  const body = Buffer.from(JSON.stringify(value))
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`
  return { body, contentType: contentTypes[format], etag, lastModified }
}
