/** JSON over real HTTP to a running instance, as an editor's browser or a script would send it. */
export type HttpAnswer<T = any> = { body: T; status: number }

export type HttpClient = {
  get: <T = any>(path: string) => Promise<HttpAnswer<T>>
  patch: <T = any>(path: string, body: unknown) => Promise<HttpAnswer<T>>
  post: <T = any>(path: string, body: unknown) => Promise<HttpAnswer<T>>
}

export const httpClient = (baseUrl: () => string, token?: string): HttpClient => {
  const send = async (method: string, path: string, body?: unknown): Promise<HttpAnswer> => {
    const response = await fetch(`${baseUrl()}${path}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      method,
      signal: AbortSignal.timeout(30_000),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON: the assertion shows the text.
    }
    return { body: parsed, status: response.status }
  }
  return {
    get: (path) => send('GET', path),
    patch: (path, body) => send('PATCH', path, body),
    post: (path, body) => send('POST', path, body),
  }
}

/** The first account of an empty database (an admin), and its token. */
export const registerFirstAdmin = async (baseUrl: string): Promise<string> => {
  const email = `admin-${Math.random().toString(36).slice(2, 8)}@newsroom.test`
  const { body, status } = await httpClient(() => baseUrl).post('/api/users/first-register', {
    email,
    name: 'Scale Admin',
    password: 'correct horse battery staple',
  })
  if (status !== 200 || !body?.token) {
    throw new Error(`first-register failed with ${status}: ${JSON.stringify(body)}`)
  }
  return body.token as string
}

/** Every document of a REST list, page by page (the API caps `limit`). */
export const listAll = async <T = any>(client: HttpClient, path: string): Promise<T[]> => {
  const docs: T[] = []
  for (let page = 1; ; page++) {
    const join = path.includes('?') ? '&' : '?'
    const { body, status } = await client.get(`${path}${join}limit=100&page=${page}`)
    if (status !== 200) {
      throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body)}`)
    }
    docs.push(...(body.docs as T[]))
    if (!body.hasNextPage) return docs
  }
}
