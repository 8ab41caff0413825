import type { Request, RequestHandler, Response } from 'express'

type BodyLimitOptions = {
  /** Any body but multipart/form-data: JSON, GraphQL, form posts. */
  maxBodyBytes: number
  /** multipart/form-data: uploads and the admin's saves. */
  maxUploadBytes: number
}

type Limit = { max: number; variable: string }

/**
 * How much of a refused body is still read and thrown away. A client still sending when the
 * connection closes gets a broken pipe instead of the 413 (fetch: "write EPIPE"), so a body
 * up to this size is drained and the connection kept; past it, reading on costs more than the
 * answer is worth and the connection closes once the 413 is sent.
 */
const DRAIN_BYTES = 16 * 1024 * 1024

const refuse = (
  req: Request,
  res: Response,
  size: string,
  { max, variable }: Limit,
  { received = 0, total }: { received?: number; total?: number } = {},
) => {
  let drained = received
  const tooMuch = () => drained > DRAIN_BYTES
  if ((total !== undefined && total > DRAIN_BYTES) || tooMuch()) {
    res.setHeader('Connection', 'close')
  } else {
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length
      if (tooMuch()) {
        req.socket.destroy()
      }
    })
    req.resume()
  }
  res.status(413).json({
    errors: [
      {
        message: `Request body too large: ${size}; the limit is ${max} bytes (${variable}).`,
      },
    ],
  })
}

/**
 * A body without a Content-Length (chunked) is held here, counted as node's HTTP parser pushes
 * it, and handed on whole only when it ends within the limit; past it, a 413 and nothing is
 * handed on. `push` is what the parser calls on the request for each chunk, and whoever reads
 * the request (Next, Payload) reads what was pushed, so nothing downstream changes.
 */
const holdChunkedBody = (req: Request, res: Response, limit: Limit, next: () => void) => {
  // Whatever arrived with the headers is already in the stream's buffer, ahead of the rest.
  let size = req.readableLength
  if (req.complete) {
    if (size > limit.max) {
      refuse(req, res, `${size} bytes`, limit)
      return
    }
    next()
    return
  }
  const push = req.push
  const held: Buffer[] = []
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding): boolean => {
    if (chunk === null) {
      req.push = push
      for (const part of held) {
        push.call(req, part)
      }
      const result = push.call(req, null, encoding)
      // Out of the parser's callback before Next starts on the request.
      process.nextTick(next)
      return result
    }
    size += chunk.length
    if (size > limit.max) {
      // Later chunks go to the stream, where the refusal drains them.
      req.push = push
      held.length = 0
      refuse(req, res, `more than ${limit.max} bytes`, limit, { received: size })
      return true
    }
    held.push(chunk)
    return true
  }
}

/**
 * Request bodies are refused past a size before Next or Payload parse them (413): by
 * Content-Length at once, before reading any of the body, and for chunked bodies by counting
 * them as they arrive. Node's parser never reads past a Content-Length, so a declared length
 * within the limit needs no counting.
 */
export const bodyLimit = ({ maxBodyBytes, maxUploadBytes }: BodyLimitOptions): RequestHandler => {
  const body: Limit = { max: maxBodyBytes, variable: 'NEWSROOM_MAX_BODY_BYTES' }
  const upload: Limit = { max: maxUploadBytes, variable: 'NEWSROOM_MAX_UPLOAD_BYTES' }
  return (req, res, next) => {
    const type = (req.headers['content-type'] ?? '').toLowerCase()
    const limit = type.startsWith('multipart/form-data') ? upload : body
    const declared = req.headers['content-length']
    if (declared !== undefined) {
      const length = Number(declared)
      if (length > limit.max) {
        refuse(req, res, `${length} bytes`, limit, { total: length })
        return
      }
      next()
      return
    }
    if (req.headers['transfer-encoding'] === undefined) {
      next()
      return
    }
    holdChunkedBody(req, res, limit, next)
  }
}
