import type { ApiResponse } from './rest'

export type RawMethod = 'DELETE' | 'GET' | 'PATCH' | 'POST' | 'PUT'

/** A request exactly as a hostile client may send it: any path, body and content type. */
export type RawRequest = {
  /** Sent byte for byte; no JSON encoding. */
  body?: FormData | string
  /** The `content-type` header; none when unset (a FormData body sets its own). */
  contentType?: string
  headers?: Record<string, string>
  method: RawMethod
  /** Path and query as they go on the wire, percent-escapes and all: nothing is re-encoded. */
  path: string
  /** A JWT from /api/users/login; requests without one are anonymous. */
  token?: string
}

/** A route handler with Next's signature: `(request, { params })` for catch-all routes. */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response> | Response

/** Where a path goes: the handler for the method and the params Next would hand it. */
export type RouteTable = (
  method: RawMethod,
  pathname: string,
) => { handler: RouteHandler; params: Record<string, string | string[]> } | null

const ORIGIN = 'http://localhost:3000'

/**
 * Next decodes each segment of a dynamic route with decodeURIComponent and answers a 400 itself
 * when one cannot be decoded, before any handler runs (DecodeError in Next's route matcher).
 */
const NEXT_DECODE_ERROR: RawResponse = {
  answeredByNext: true,
  body: 'Bad Request (Next: failed to decode param)',
  headers: new Headers(),
  status: 400,
}

export type RawResponse = ApiResponse & {
  /** Next answered before any handler ran (an undecodable path, a method not exported). */
  answeredByNext?: true
  /** The handler threw instead of answering: Next would answer a 500. */
  thrown?: string
}

/** Next's params for a catch-all segment: every segment decoded. */
export const catchAllParams = (segments: string[]): string[] =>
  segments.map((segment) => decodeURIComponent(segment))

export const buildRawRequest = ({
  body,
  contentType,
  headers = {},
  method,
  path,
  token,
}: RawRequest): Request =>
  new Request(`${ORIGIN}${path.startsWith('/') ? '' : '/'}${path}`, {
    body: method === 'GET' ? undefined : body,
    headers: {
      ...(contentType ? { 'content-type': contentType } : {}),
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    method,
  })

/** The response, with its body parsed as JSON when it is JSON and kept as text otherwise. */
export const readResponse = async (response: Response): Promise<ApiResponse> => {
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // Not JSON (XML, plain text): the text is the body.
  }
  return { body, headers: response.headers, status: response.status }
}

/**
 * Sends raw requests to route handlers as Next would: the handler the route table picks, with
 * the decoded params Next computes. A thrown error is a 500, as Next would answer it.
 */
export const createRawClient = (routes: RouteTable) => ({
  send: async (raw: RawRequest): Promise<RawResponse> => {
    const request = buildRawRequest(raw)
    let route: ReturnType<RouteTable>
    try {
      route = routes(raw.method, new URL(request.url).pathname)
    } catch (error) {
      if (error instanceof URIError) {
        return NEXT_DECODE_ERROR
      }
      throw error
    }
    if (!route) {
      return { body: 'no route in the test table', headers: new Headers(), status: 404 }
    }
    try {
      return await readResponse(
        await route.handler(request, { params: Promise.resolve(route.params) }),
      )
    } catch (error) {
      const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      return { body: thrown, headers: new Headers(), status: 500, thrown }
    }
  },
})

export type RawClient = ReturnType<typeof createRawClient>
