import type { IncomingHttpHeaders } from 'node:http'
import type { Endpoint, Payload } from 'payload'

import { type DocumentNode, parse, print } from 'graphql'
import * as qs from 'qs-esm'

import { graphQLDocumentProblem } from '../api/graphQLDocument'
import { type GraphQLParams, graphQLGetParams, operationOf } from '../api/graphQLGetParams'

/** What the API cache keeps of a request: its key, and how to ask Payload for the answer. */
export type ApiCacheRequest = {
  /** The POST body the render sends (a GraphQL query), re-encoded. */
  body?: Buffer
  /** The render's headers besides its own (GraphQL's Accept and Content-Type). */
  headers: Record<string, string>
  /** Everything that changes the answer, in one string. */
  id: string
  kind: 'graphql' | 'rest'
  method: 'GET' | 'POST'
  /** Path and normalized query the render asks for. */
  path: string
}

/** Payload's own parse of a query string (createPayloadRequest's options). */
const parseQuery = (search: string): Record<string, unknown> =>
  qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })

/** The same value with every object's keys in order; arrays keep theirs (it can matter). */
const sorted = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(sorted)
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

/** `draft` or preview in any form but `draft=false`: the staff's view, never kept. */
const asksForDrafts = (query: Record<string, unknown>): boolean =>
  ('draft' in query && query.draft !== 'false') || 'preview' in query

/** `/:id` matches one segment of anything, `/count` only itself. */
const endpointMatches = (endpoint: Endpoint, segments: string[]): boolean => {
  const parts = endpoint.path.split('/').filter(Boolean)
  return (
    parts.length === segments.length &&
    parts.every((part, index) => part.startsWith(':') || part === segments[index])
  )
}

/**
 * Whether Payload answers the path with its own read (find, findByID, a global's findOne): the
 * first GET endpoint matching it must be Payload's, not one a plugin or the site added (the
 * delivery API, search, SEO), whose answers may depend on more than what they read.
 */
const answeredByPayloadRead = (
  endpoints: Endpoint[] | false | undefined,
  segments: string[],
  reads: string[],
): boolean => {
  const first = (endpoints || []).find(
    (endpoint) => endpoint.method === 'get' && endpointMatches(endpoint, segments),
  )
  return Boolean(first && reads.includes(first.handler.name))
}

const restRequest = (payload: Payload, url: URL): ApiCacheRequest | null => {
  const api = payload.config.routes.api
  const rest = url.pathname.slice(api.length + 1).split('/')
  if (rest.some((segment) => segment === '') || rest.length < 1 || rest.length > 2) {
    return null
  }
  let segments: string[]
  try {
    segments = rest.map((segment) => decodeURIComponent(segment))
  } catch {
    return null
  }
  const [first, second] = segments
  let payloadRead = false
  if (first === 'globals') {
    const global = second ? payload.config.globals.find(({ slug }) => slug === second) : undefined
    payloadRead = answeredByPayloadRead(global?.endpoints, [], ['findOneHandler'])
  } else {
    const collections = payload.collections as Record<
      string,
      { config: { endpoints?: Endpoint[] | false } }
    >
    const collection = Object.hasOwn(collections, first) ? collections[first].config : undefined
    payloadRead = answeredByPayloadRead(
      collection?.endpoints,
      segments.slice(1),
      second === undefined ? ['findHandler'] : ['findByIDHandler'],
    )
  }
  if (!payloadRead) {
    return null
  }
  const query = parseQuery(url.search)
  if (asksForDrafts(query)) {
    return null
  }
  const search = qs.stringify(sorted(query) as Record<string, unknown>, { encodeValuesOnly: true })
  const path = `${url.pathname}${search ? `?${search}` : ''}`
  return { headers: {}, id: `rest ${path}`, kind: 'rest', method: 'GET', path }
}

type GraphQLBody = { operationName?: unknown; query?: unknown; variables?: unknown }

/** How GraphQL answers: the client's Accept (graphQLMediaType picks for those naming none). */
const graphQLAccept = (headers: IncomingHttpHeaders): string => {
  const accept = headers.accept?.trim()
  return !accept || accept === '*/*' ? 'application/graphql-response+json' : accept
}

/** The query as the cache keys it and asks Payload for it, or null when it is not for the cache. */
const graphQLQueryRequest = (
  path: string,
  headers: IncomingHttpHeaders,
  { operationName, query, variables }: GraphQLParams,
): ApiCacheRequest | null => {
  // Too long, too many tokens, too deep and the like: the guard in front of Payload refuses it
  // before anything parses it, and so nothing here parses it either.
  if (graphQLDocumentProblem(query, variables) !== null) {
    return null
  }
  let document: DocumentNode
  try {
    document = parse(query, { noLocation: true })
  } catch {
    return null
  }
  if (operationOf(document, operationName)?.operation !== 'query') {
    return null
  }
  const accept = graphQLAccept(headers)
  // Keyed by the document as graphql-js prints it (spacing and commas aside), but asked as the
  // client wrote it: the printed form may be longer, past the body limit. A GET and a POST of
  // one query share the answer.
  const key = JSON.stringify({
    operationName,
    query: print(document),
    variables: sorted(variables),
  })
  return {
    body: Buffer.from(JSON.stringify({ operationName, query, variables })),
    headers: { accept, 'content-type': 'application/json' },
    id: `graphql ${accept} ${key}`,
    kind: 'graphql',
    method: 'POST',
    path,
  }
}

const graphQLPostRequest = (
  url: URL,
  headers: IncomingHttpHeaders,
  body: Buffer,
): ApiCacheRequest | null => {
  if (url.search !== '' || !/^application\/json\s*(?:;|$)/i.test(headers['content-type'] ?? '')) {
    return null
  }
  let parsed: GraphQLBody
  try {
    parsed = JSON.parse(body.toString('utf8')) as GraphQLBody
  } catch {
    return null
  }
  const { operationName, query, variables } = parsed ?? {}
  if (
    typeof query !== 'string' ||
    (operationName !== undefined && operationName !== null && typeof operationName !== 'string') ||
    (variables !== undefined &&
      variables !== null &&
      (typeof variables !== 'object' || Array.isArray(variables)))
  ) {
    // Payload answers what is malformed, with a 4xx that is not kept.
    return null
  }
  return graphQLQueryRequest(url.pathname, headers, {
    operationName: operationName ?? undefined,
    query,
    variables: (variables ?? {}) as Record<string, unknown>,
  })
}

/** A query named in the URL (GraphQL over HTTP's GET); what is malformed is the route's 400. */
const graphQLGetRequest = (url: URL, headers: IncomingHttpHeaders): ApiCacheRequest | null => {
  const read = graphQLGetParams(url.searchParams)
  return 'problem' in read ? null : graphQLQueryRequest(url.pathname, headers, read.params)
}

/**
 * The request as the API cache keys it, or null when it is not for the cache: a REST read of a
 * collection's records or one record (or a global) through Payload's own doors, without drafts;
 * a GraphQL query (not a mutation). Who asks (cookies, keys) is checked before (apiBypass).
 */
export const apiCacheRequest = (
  payload: Payload,
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  body?: Buffer,
): ApiCacheRequest | null => {
  let url: URL
  try {
    url = new URL(rawUrl, 'http://localhost')
  } catch {
    return null
  }
  const { api, graphQL } = payload.config.routes
  if (url.pathname === `${api}${graphQL}`) {
    if (method === 'GET' || method === 'HEAD') {
      return graphQLGetRequest(url, headers)
    }
    return method === 'POST' && body ? graphQLPostRequest(url, headers, body) : null
  }
  if ((method === 'GET' || method === 'HEAD') && url.pathname.startsWith(`${api}/`)) {
    return restRequest(payload, url)
  }
  return null
}
