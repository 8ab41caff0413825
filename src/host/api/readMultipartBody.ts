import { errorResponse } from './errorResponse'

/** Payload's test for a multipart request it will parse (fetchAPI-multipart's isEligibleRequest). */
const PARSEABLE_TYPE = /multipart\/[\w'"()+,./:<=>?@[\\\]^-]+(?:; ?[\w'"()+,./:<=>?@[\\\]^-]*)+$/i

const WRITES = new Set(['PATCH', 'POST', 'PUT'])

/**
 * A write sent as multipart that Payload cannot parse: no boundary, not multipart at all, a part
 * cut short, or a `_payload` part that is not a JSON object. Payload answers each with a 500
 * (`APIError: Request is not eligible for file upload`, busboy's "Unexpected end of form", a
 * SyntaxError); each is the client's, a 400 naming it. Read from a copy, as Payload reads the
 * body again; null when there is nothing wrong (or the body is not multipart).
 */
export const refuseBadMultipart = async (request: Request): Promise<null | Response> => {
  const header = request.headers.get('content-type') ?? ''
  const [type] = header.split(';', 1)
  if (!WRITES.has(request.method) || !request.body || !type.toLowerCase().includes('multipart/')) {
    return null
  }
  if (!type.trim().toLowerCase().startsWith('multipart/form-data')) {
    return errorResponse(
      `A multipart body must be multipart/form-data, not ${JSON.stringify(type.slice(0, 80))}.`,
      415,
    )
  }
  if (!header.includes('boundary=') || !PARSEABLE_TYPE.test(header)) {
    return errorResponse(
      'A multipart/form-data body needs its boundary in the content-type header (multipart/form-data; boundary=…).',
    )
  }
  let form: FormData
  try {
    form = await request.clone().formData()
  } catch (error) {
    return errorResponse(
      `The multipart/form-data body cannot be read: ${(error as Error).message.slice(0, 200)}`,
    )
  }
  const fields = form.get('_payload')
  if (typeof fields === 'string') {
    let value: unknown
    try {
      value = JSON.parse(fields)
    } catch (error) {
      return errorResponse(
        `The _payload part is not valid JSON: ${(error as Error).message.slice(0, 200)}`,
      )
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return errorResponse('The _payload part must be a JSON object of fields.')
    }
  }
  return null
}
