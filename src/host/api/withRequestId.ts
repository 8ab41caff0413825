/**
 * A 5xx is the server's fault: its answer names the request id the request log carries (set by
 * the express request logger), so a reader's report finds the one line about it. The message
 * says nothing of the request's content or of the error (Payload's answer is "Something went
 * wrong."). Other answers pass untouched.
 */
export const withRequestId = async (response: Response, request: Request): Promise<Response> => {
  const requestId = request.headers.get('x-request-id')
  if (response.status < 500 || !requestId) {
    return response
  }
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  headers.set('content-type', 'application/json')
  headers.set('x-request-id', requestId)
  return new Response(
    JSON.stringify({
      errors: [
        {
          message: `Something went wrong on the server (request id ${requestId}).`,
          requestId,
        },
      ],
    }),
    { headers, status: response.status, statusText: response.statusText },
  )
}
