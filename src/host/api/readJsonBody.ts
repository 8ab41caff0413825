/** A request's JSON body, read from a copy so the handler can read it again. */
export type JsonBody = { error: string } | { value: unknown }

const isJson = (request: Request) =>
  /^application\/(.+\+)?json$/i.test(
    (request.headers.get('content-type') ?? '').split(';')[0].trim(),
  )

/** The parsed body when it is sent as JSON; null when it is not JSON or there is none. */
export const readJsonBody = async (request: Request): Promise<JsonBody | null> => {
  if (!request.body || !isJson(request)) {
    return null
  }
  const text = await request.clone().text()
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    return { error: text.trim() ? (error as Error).message : 'the body is empty' }
  }
}
