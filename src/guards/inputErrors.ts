import type { PayloadRequest } from 'payload'

import { NotFound, ValidationError } from 'payload'

/** One thing wrong with the input: where (a field path or a request parameter) and what. */
export type InputProblem = { message: string; path: string }

const SHOWN_CHARS = 80

/** A client's value, quoted and cut short, for an error message. */
export const shown = (value: unknown): string => {
  let text: string
  try {
    // JSON has no Infinity (a `limit=1e309` is one): numbers are shown as JavaScript writes them.
    text =
      typeof value === 'string' || typeof value === 'number'
        ? String(value)
        : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  const short = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text
  return JSON.stringify(short)
}

/**
 * A 400 naming what is wrong, as Payload's own ValidationError: `data.errors` lists each path
 * (a field, `where[id][in]`, `limit`) with its message, and the top message reads, say, "The
 * following field is invalid: createdAt is not a date". Logged at Payload's info level, like
 * every other validation error, rather than as a server error.
 */
export const invalidInput = (
  problems: InputProblem[],
  req: PayloadRequest,
  collection?: string,
): ValidationError =>
  new ValidationError(
    {
      collection,
      errors: problems.map((problem) => ({
        ...problem,
        label: problem.path ? `${problem.path} ${problem.message}` : problem.message,
      })),
    },
    req.t,
  )

/** A 404 for an id no record of the collection can have: Payload's NotFound, naming the id. */
export const unknownId = (
  collection: string,
  id: unknown,
  expected: string,
  req: PayloadRequest,
): NotFound => {
  const error = new NotFound(req.t)
  error.message = `Not Found: no ${collection} record has the id ${shown(id)} (its ids are ${expected}).`
  return error
}
