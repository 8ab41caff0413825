/** What a bare 4xx (no body) says, by status. */
const BARE_MESSAGES: Record<number, string> = {
  405: 'Method not allowed.',
  415: 'Unsupported media type: send the request as application/json (UTF-8).',
}

/**
 * Payload answers some 4xx as `{ message }` (an unknown route, a delete of a missing record)
 * and graphql-http answers a 415 with no body at all: rewritten to the `{ errors: [{ message }] }`
 * every other error has, so clients read one shape. Other responses pass untouched.
 */
export const withErrorShape = async (response: Response): Promise<Response> => {
  if (response.status < 400 || response.status >= 500) {
    return response
  }
  const text = await response.clone().text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // Not JSON: answered as a bare 4xx below.
  }
  const { errors, message } = (body ?? {}) as { errors?: unknown; message?: unknown }
  if (Array.isArray(errors)) {
    return response
  }
  const said =
    typeof message === 'string'
      ? message
      : (BARE_MESSAGES[response.status] ??
        (text.trim() || response.statusText || `HTTP ${response.status}`))
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  headers.set('content-type', 'application/json')
  return new Response(JSON.stringify({ errors: [{ message: said }] }), {
    headers,
    status: response.status,
    statusText: response.statusText,
  })
}
