import http from 'node:http'

/**
 * The request again, its body already read: a handler before express that had to read a body
 * to decide (the API cache, a GraphQL POST it turns out not to keep) hands express and Next this
 * in its place, with the same method, URL, headers and socket, and the body it read.
 */
export const replayRequest = (req: http.IncomingMessage, body: Buffer): http.IncomingMessage => {
  const replay = new http.IncomingMessage(req.socket)
  replay.method = req.method
  replay.url = req.url
  replay.headers = req.headers
  replay.rawHeaders = req.rawHeaders
  replay.httpVersion = req.httpVersion
  replay.httpVersionMajor = req.httpVersionMajor
  replay.httpVersionMinor = req.httpVersionMinor
  replay.complete = true
  replay.push(body)
  replay.push(null)
  return replay
}

/**
 * Reads a body of the stated length, at most `maxBytes`: null when it has no Content-Length or
 * a larger one (left unread, for express's own limit to answer).
 */
export const readSmallBody = (
  req: http.IncomingMessage,
  maxBytes: number,
): null | Promise<Buffer> => {
  const length = Number(req.headers['content-length'])
  if (!Number.isSafeInteger(length) || length < 0 || length > maxBytes) {
    return null
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}
