import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

type RequestOptions = {
  body?: unknown
  /** Sent as multipart/form-data instead of JSON (uploads). */
  formData?: FormData
  headers?: Record<string, string>
  /** A JWT from /api/users/login; requests without one are anonymous readers. */
  token?: string
}

export type ApiResponse<T = any> = { body: T; headers: Headers; status: number }

export type RestClient = {
  delete: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
  get: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
  graphql: <T = any>(
    query: string,
    options?: RequestOptions & { variables?: object },
  ) => Promise<ApiResponse<T>>
  login: (email: string, password: string) => Promise<string>
  patch: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
  post: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
}

const ORIGIN = 'http://localhost:3000'

/**
 * Calls the same route handlers Next mounts at /api and /api/graphql, with real Request
 * objects, so a suite exercises Payload's HTTP layer without compiling the Next app.
 */
export const createRestClient = (
  config: Promise<SanitizedConfig> | SanitizedConfig,
): RestClient => {
  const handlers = {
    DELETE: REST_DELETE(config),
    GET: REST_GET(config),
    PATCH: REST_PATCH(config),
    POST: REST_POST(config),
  }
  const graphqlHandler = GRAPHQL_POST(config)

  const buildRequest = (
    method: string,
    path: string,
    { body, formData, headers = {}, token }: RequestOptions,
  ) => {
    const init: RequestInit = {
      headers: {
        ...(body === undefined || formData ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      method,
    }
    if (formData) {
      init.body = formData
    } else if (body !== undefined) {
      init.body = JSON.stringify(body)
    }
    return new Request(new URL(path, ORIGIN), init)
  }

  const parse = async (response: Response): Promise<ApiResponse> => {
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON: hand the text back for the assertion to show.
    }
    return { body, headers: response.headers, status: response.status }
  }

  const rest =
    (method: keyof typeof handlers) =>
    async (path: string, options: RequestOptions = {}) => {
      const request = buildRequest(method, path, options)
      const slug = new URL(request.url).pathname
        .replace(/^\/api\//, '')
        .split('/')
        .filter(Boolean)
      return parse(await handlers[method](request, { params: Promise.resolve({ slug }) }))
    }

  const post = rest('POST')

  return {
    delete: rest('DELETE'),
    get: rest('GET'),
    graphql: async (query, { variables, ...options } = {}) =>
      parse(
        await graphqlHandler(
          buildRequest('POST', '/api/graphql', { ...options, body: { query, variables } }),
        ),
      ),
    login: async (email, password) => {
      const { body, status } = await post('/api/users/login', { body: { email, password } })
      if (status !== 200) {
        throw new Error(`login as ${email} failed with ${status}: ${JSON.stringify(body)}`)
      }
      return body.token as string
    },
    patch: rest('PATCH'),
    post,
  }
}
