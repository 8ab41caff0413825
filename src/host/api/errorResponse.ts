/** A 4xx in Payload's error shape, `{ errors: [{ message }] }`, as its REST handlers answer. */
export const errorResponse = (message: string, status = 400): Response =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * The 4xx a handler threw instead of answering: a SyntaxError from parsing the body, or one of
 * Payload's errors carrying a client status. Anything else is the server's and stays a 500.
 */
export const thrownClientError = (error: unknown): null | Response => {
  if (error instanceof SyntaxError) {
    return errorResponse(`The request body is not valid JSON: ${error.message}`)
  }
  const status = (error as { status?: unknown })?.status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return errorResponse((error as Error).message, status)
  }
  return null
}
