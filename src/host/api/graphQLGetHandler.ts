import { parse } from 'graphql'

import { errorResponse } from './errorResponse'
import { graphQLDocumentProblem } from './graphQLDocument'
import { graphQLGetParams, operationOf } from './graphQLGetParams'

type GraphQLHandler = (request: Request) => Promise<Response>

/**
 * GraphQL over HTTP's GET for queries (Payload mounts POST alone): a query a URL names can be
 * kept by the API cache, a CDN and a browser like any page. It is asked of the POST handler
 * with the same headers, so the reader's cookie or key, the limits and the error shapes are
 * those of a POST. A mutation is a 405: a GET must change nothing.
 */
export const graphQLGetHandler =
  (post: GraphQLHandler): GraphQLHandler =>
  async (request) => {
    const url = new URL(request.url)
    const read = graphQLGetParams(url.searchParams)
    if ('problem' in read) {
      return errorResponse(read.problem)
    }
    const { operationName, query, variables } = read.params
    const problem = graphQLDocumentProblem(query, variables)
    if (problem) {
      return errorResponse(problem)
    }
    let operation
    try {
      operation = operationOf(parse(query, { noLocation: true }), operationName)
    } catch (error) {
      return errorResponse(`The GraphQL document does not parse: ${(error as Error).message}`)
    }
    if (!operation) {
      return errorResponse(
        operationName === undefined
          ? 'The document holds several operations: name the one to run with ?operationName=.'
          : `The document has no operation named ${JSON.stringify(operationName)}.`,
      )
    }
    if (operation.operation !== 'query') {
      const refused = errorResponse(
        `A ${operation.operation} is sent with POST: a GET request only reads.`,
        405,
      )
      refused.headers.set('Allow', 'GET, HEAD, POST, OPTIONS')
      return refused
    }
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    headers.delete('content-length')
    url.search = ''
    return post(
      new Request(url, {
        body: JSON.stringify({ operationName, query, variables }),
        headers,
        method: 'POST',
      }),
    )
  }
