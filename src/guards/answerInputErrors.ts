import type { CollectionAfterErrorHook, PayloadRequest } from 'payload'

import { idRule } from './idRules'
import { shown } from './inputErrors'

type Answer = { message: string; path?: string; status: 400 | 404 }

const jsonProblem = (text: string): null | string => {
  try {
    JSON.parse(text)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

/**
 * The client input behind an error Payload's REST handlers throw before any operation (so
 * before `guardOperationArgs`) can look at it, or null when the error is not the client's.
 * Each is checked again here rather than guessed from the error: a 404 only when the path's id
 * really cannot be an id, a 400 only when the parameter really is not JSON.
 */
const inputBehind = (error: Error, req: PayloadRequest, collection: string): Answer | null => {
  const id = req.routeParams?.id
  if (typeof id === 'string') {
    const rules = [
      idRule(req.payload, collection),
      idRule(req.payload, collection, { versions: true }),
    ]
    if (!rules.some((rule) => rule.test(id))) {
      return {
        message: `Not Found: no ${collection} record has the id ${shown(id)} (its ids are ${rules[0].expected}).`,
        status: 404,
      }
    }
  }
  if (error instanceof SyntaxError) {
    // `?where=` and `?data=` may be JSON text instead of brackets; Payload parses them unguarded.
    for (const parameter of ['where', 'data']) {
      const value = req.query?.[parameter]
      const problem = typeof value === 'string' && value.length > 0 ? jsonProblem(value) : null
      if (problem) {
        return {
          message: `${parameter} must be JSON or written with brackets (${parameter}[field][equals]=…): ${problem}`,
          path: parameter,
          status: 400,
        }
      }
    }
    // Payload sets `data` from `_payload` once it parses: without it, the parse is what failed.
    if (req.headers?.get('content-type')?.startsWith('multipart/') && req.data === undefined) {
      return {
        message: `The _payload field of a multipart/form-data body must be a JSON object of fields: ${error.message}`,
        path: '_payload',
        status: 400,
      }
    }
  }
  if (error instanceof URIError) {
    return { message: `The path is not valid percent-encoding: ${error.message}`, status: 400 }
  }
  return null
}

/**
 * Answers, in Payload's error shape, the errors that bad client input causes inside Payload's
 * REST handlers before an operation runs: a JSON `where` that is not JSON, a multipart body
 * whose `_payload` is not JSON, an id in the path of a door that runs no operation hooks
 * (`POST /:collection/access/:id`). Anything else keeps Payload's own answer.
 */
export const answerInputErrors: CollectionAfterErrorHook = ({ collection, error, req }) => {
  const answer = inputBehind(error, req, collection.slug)
  if (!answer) {
    return
  }
  const data = answer.path
    ? { errors: [{ message: answer.message, path: answer.path }] }
    : undefined
  return {
    response: { errors: [{ message: answer.message, ...(data ? { data } : {}) }] },
    status: answer.status,
  }
}
