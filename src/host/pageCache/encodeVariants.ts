import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

export type Encoding = 'br' | 'gzip' | 'identity'

export type Variant = { body: Buffer; encoding: Encoding; etag: string }

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/**
 * The page as sent, gzip'd and brotli'd, made once when it is stored (off the main thread, in
 * zlib's pool). Brotli at quality 5: within a few per cent of 11 on HTML, at a fraction of the
 * time. Each variant gets its own strong ETag, since its bytes differ.
 */
export const encodeVariants = async (body: Buffer): Promise<Record<Encoding, Variant>> => {
  const hash = createHash('sha256').update(body).digest('base64url')
  const [gzipped, brotlied] = await Promise.all([
    gzip(body, { level: 6 }),
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ])
  return {
    br: { body: brotlied, encoding: 'br', etag: `"${hash}.br"` },
    gzip: { body: gzipped, encoding: 'gzip', etag: `"${hash}.gz"` },
    identity: { body, encoding: 'identity', etag: `"${hash}"` },
  }
}

/** A stored answer in one encoding, with the headers it is sent with. */
export type StoredVariant = {
  body: Buffer
  etag: string
  headers: Record<string, string>
  /** The same with `X-Cache: HIT`, flattened as node's writeHead takes it fastest. */
  hitHeaders: string[]
  notModifiedHeaders: Record<string, string>
}

/**
 * Each encoding of a stored answer (a page, an API answer) with its headers: the ones all
 * encodings share, plus its length, ETag and coding; a 304 repeats the caching headers only.
 */
export const storedVariants = (
  encoded: Record<Encoding, Variant>,
  common: Record<string, string>,
): Record<Encoding, StoredVariant> => {
  const variant = (encoding: Encoding): StoredVariant => {
    const { body, etag } = encoded[encoding]
    const headers: Record<string, string> = {
      ...common,
      'Content-Length': String(body.length),
      ETag: etag,
    }
    if (encoding !== 'identity') {
      headers['Content-Encoding'] = encoding
    }
    return {
      body,
      etag,
      headers,
      hitHeaders: Object.entries({ ...headers, 'X-Cache': 'HIT' }).flat(),
      notModifiedHeaders: {
        'Cache-Control': common['Cache-Control'],
        ETag: etag,
        Vary: common.Vary,
      },
    }
  }
  return { br: variant('br'), gzip: variant('gzip'), identity: variant('identity') }
}

/**
 * The best encoding the client accepts: brotli, then gzip, else the bytes as they are. A
 * coding listed with `q=0` is refused; other weights are not ranked (every browser sends both).
 */
export const chooseEncoding = (acceptEncoding: string | undefined): Encoding => {
  if (!acceptEncoding) {
    return 'identity'
  }
  const accepted = new Set<string>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const refused = params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param))
    if (!refused) {
      accepted.add(name.trim())
    }
  }
  if (accepted.has('br')) {
    return 'br'
  }
  if (accepted.has('gzip') || accepted.has('*')) {
    return 'gzip'
  }
  return 'identity'
}
