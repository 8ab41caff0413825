import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { ServerResponse } from 'node:http'

import type { RawHandler } from './beforeExpress'

import { logLater } from './log'

/** The methods something in the app answers; any other (TRACE, PROPFIND, …) is a 405 here. */
export const ANSWERED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']

const ANSWERED = new Set(ANSWERED_METHODS)

type Refusal = { headers?: Record<string, string>; message: string; status: number }

/**
 * What is wrong with a request before any route looks at it: a method nothing answers (Next
 * answered TRACE with a 500), a path that is not valid percent-encoding (`/api/%ZZ`: each
 * route decodes its segments, and Next answered an HTML 400 or a 500 depending on the route),
 * or a multipart body sent to a page.
 */
export const requestProblem = (
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, string | string[] | undefined> = {},
): null | Refusal => {
  if (!method || !ANSWERED.has(method)) {
    return {
      headers: { allow: ANSWERED_METHODS.join(', ') },
      message: `Method ${String(method).slice(0, 20)} is not allowed: use one of ${ANSWERED_METHODS.join(', ')}.`,
      status: 405,
    }
  }
  const path = (url ?? '/').split('?')[0]
  try {
    decodeURIComponent(path)
  } catch {
    return {
      message:
        'The path is not valid percent-encoding: each % must start an escape of two hex digits (%25 for a % itself) of UTF-8.',
      status: 400,
    }
  }
  if (isPageFormUpload(path, headers)) {
    return {
      message:
        'Pages take no multipart/form-data: send uploads and form data to the API (/api/<collection>).',
      status: 415,
    }
  }
  return null
}

/**
 * A multipart body sent to a page, not to the API and not as one of the admin's server actions
 * (those carry a `Next-Action` header): Next takes it for a form posted without JavaScript,
 * fails to read it as one and answered 500. Nothing in the app posts such a form.
 */
const isPageFormUpload = (
  path: string,
  headers: Record<string, string | string[] | undefined>,
): boolean => {
  const type = String(headers['content-type'] ?? '').toLowerCase()
  return (
    type.startsWith('multipart/form-data') &&
    headers['next-action'] === undefined &&
    path !== '/api' &&
    !path.startsWith('/api/')
  )
}

const answer = (res: ServerResponse, { headers = {}, message, status }: Refusal) => {
  const body = JSON.stringify({ errors: [{ message }] })
  res.statusCode = status
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value)
  }
  res.setHeader('cache-control', 'no-store')
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

/** The boundary on node's request, before the page cache and the delivery fast path. */
export const rawRequestBoundary: RawHandler = (req, res, next) => {
  const problem = requestProblem(req.method, req.url, req.headers)
  if (problem) {
    answer(res, problem)
    return
  }
  next()
}

/** The same boundary in express, for a server without raw handlers. */
export const requestBoundary: RequestHandler = (req, res, next) => {
  const problem = requestProblem(req.method, req.url, req.headers)
  if (problem) {
    answer(res, problem)
    return
  }
  next()
}

/** An error's client status when it carries one (body-parser's, express's own), else null. */
const clientStatus = (error: unknown): null | number => {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown }
  const value = typeof status === 'number' ? status : statusCode
  return typeof value === 'number' && value >= 400 && value < 500 ? value : null
}

/**
 * Express's last handler: what a route or middleware threw. A client error keeps its status
 * and says what it is; anything else is the server's fault, a 500 that names its request id
 * (in the answer and in one log line) and nothing of the request's content.
 */
export const errorBoundary: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error)
    return
  }
  const status = clientStatus(error)
  if (status) {
    answer(res, { message: (error as Error).message || `HTTP ${status}`, status })
    return
  }
  const requestId = res.getHeader('x-request-id')
  logLater(
    'error',
    {
      error: `${(error as Error)?.name ?? 'Error'}: ${String((error as Error)?.message).slice(0, 200)}`,
      method: req.method,
      requestId,
    },
    'request failed',
  )
  answer(res, {
    message: `Something went wrong on the server (request id ${String(requestId)}).`,
    status: 500,
  })
}
