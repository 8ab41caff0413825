import { errorResponse, thrownClientError } from './errorResponse'
import { readJsonBody } from './readJsonBody'
import { refuseBadMultipart } from './readMultipartBody'
import { withErrorShape } from './withErrorShape'
import { withRequestId } from './withRequestId'

import type { SanitizedConfig } from 'payload'

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

const OVERRIDE_HEADERS = ['x-http-method-override', 'x-payload-http-method-override']

const WRITES = new Set(['PATCH', 'POST', 'PUT'])

/**
 * Every JSON body Payload's REST API takes is an object (a record's fields, a login, query
 * parameters on a POST read as a GET). Its own doors answer other bodies unevenly: a 500 for a
 * JSON string or for bad JSON on a POST read as a GET, and the preferences door stores `{}` for
 * bad JSON or `null`. Refused here, before any of them reads the body.
 */
const refuseBadJsonBody = async (request: Request): Promise<null | Response> => {
  const overridden = OVERRIDE_HEADERS.some(
    (name) => request.headers.get(name)?.toUpperCase() === 'GET',
  )
  if (!WRITES.has(request.method) && !overridden) {
    return null
  }
  const body = await readJsonBody(request)
  if (!body) {
    return null
  }
  if ('error' in body) {
    return errorResponse(`The request body is not valid JSON: ${body.error}`)
  }
  const { value } = body
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind =
      value === null ? 'null' : Array.isArray(value) ? 'a list' : `a JSON ${typeof value}`
    return errorResponse(`The request body must be a JSON object, not ${kind}.`)
  }
  const dotted = new URL(request.url).pathname.includes('/payload-preferences/')
    ? unstorableKey(value)
    : null
  if (dotted !== null) {
    return errorResponse(
      `A preference may not hold a key with "." or starting with "$" ("${dotted.slice(0, 40)}").`,
    )
  }
  return null
}

/**
 * The preferences door stores its body as it comes (the whole body when it has no `value`), and
 * MongoDB refuses a key holding "." or starting with "$" with a 500: the first such key, if any.
 */
const unstorableKey = (value: unknown, depth = 0): null | string => {
  if (depth > 100 || typeof value !== 'object' || value === null) {
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('.') || key.startsWith('$')) {
      return key
    }
    const found = unstorableKey(child, depth + 1)
    if (found !== null) {
      return found
    }
  }
  return null
}

/**
 * No path or query in the API has a use for a NUL character, and PostgreSQL refuses one in
 * any text it is handed: Payload's own doors (preferences, globals) would answer a 500.
 */
const refuseNul = (request: Request): null | Response => {
  const url = new URL(request.url)
  const decoded = (text: string) => {
    try {
      return decodeURIComponent(text)
    } catch {
      return text
    }
  }
  if (decoded(url.pathname).includes('\u0000')) {
    return errorResponse('The path contains a NUL character (%00).')
  }
  for (const [name, value] of url.searchParams) {
    if (name.includes('\u0000') || value.includes('\u0000')) {
      return errorResponse(
        `The query parameter ${JSON.stringify(name.slice(0, 80))} contains a NUL character (%00).`,
      )
    }
  }
  return null
}

/**
 * A write to an endpoint no collection or global owns (the SEO plugin's generate-* doors): they
 * read their body with `req.json()` whatever its type, and an empty, multipart or text body
 * threw a SyntaxError that Payload answered as a 500. Such a body must be JSON.
 */
const refuseNonJsonOnRootEndpoint = async (
  request: Request,
  config: SanitizedConfig,
): Promise<null | Response> => {
  if (!WRITES.has(request.method)) {
    return null
  }
  const { pathname } = new URL(request.url)
  const [first] = pathname.slice(config.routes.api.length).split('/').filter(Boolean)
  const owned = first === 'globals' || config.collections.some(({ slug }) => slug === first)
  if (!first || owned) {
    return null
  }
  try {
    JSON.parse(await request.clone().text())
    return null
  } catch (error) {
    return errorResponse(
      `This endpoint takes a JSON body, sent as application/json: ${(error as Error).message.slice(0, 200)}`,
    )
  }
}

/**
 * Wraps one of Payload's REST route handlers (`REST_GET(config)`, …) so that malformed
 * requests the handler cannot answer itself get a 400 in Payload's error shape instead of a
 * 500 or a write: a JSON body that is not a JSON object, and any client error thrown past
 * Payload's own error handling. Every 4xx leaves in Payload's error shape; every good request
 * is the handler's answer.
 */
export const guardRestHandler =
  <Context>(
    handler: RouteHandler<Context>,
    config?: Promise<SanitizedConfig> | SanitizedConfig,
  ): RouteHandler<Context> =>
  async (request, context) => {
    const refused =
      refuseNul(request) ??
      (await refuseBadJsonBody(request)) ??
      (await refuseBadMultipart(request)) ??
      (config ? await refuseNonJsonOnRootEndpoint(request, await config) : null)
    if (refused) {
      return refused
    }
    try {
      const response = await handler(request, context)
      // Payload answers 501 for a collection or global with no REST endpoints at all
      // (`payload-migrations`): there is no such door, which is a 404.
      if (response.status === 501) {
        return errorResponse(
          `Not Found: ${request.method} ${new URL(request.url).pathname} is not a door of this API.`,
          404,
        )
      }
      return await withRequestId(await withErrorShape(response), request)
    } catch (error) {
      const answer = thrownClientError(error)
      if (answer) {
        return answer
      }
      throw error
    }
  }
