import { GraphQLError } from 'graphql'

import { graphQLDocumentProblem } from './graphQLDocument'
import { errorResponse, thrownClientError } from './errorResponse'
import { readJsonBody } from './readJsonBody'
import { withErrorShape } from './withErrorShape'
import { withRequestId } from './withRequestId'

type GraphQLHandler = (request: Request) => Promise<Response>

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What is wrong with a GraphQL-over-HTTP JSON body, or null when it is a request. */
const bodyProblem = (value: unknown): null | string => {
  if (!isObject(value)) {
    return 'A GraphQL request must be a JSON object with a "query" string, not a list or a value.'
  }
  if (typeof value.query !== 'string' || !value.query.trim()) {
    return 'A GraphQL request needs "query": a GraphQL document as a string.'
  }
  if (value.variables !== undefined && value.variables !== null && !isObject(value.variables)) {
    return '"variables" must be a JSON object of variable values.'
  }
  if (
    value.operationName !== undefined &&
    value.operationName !== null &&
    typeof value.operationName !== 'string'
  ) {
    return '"operationName" must be a string.'
  }
  return graphQLDocumentProblem(value.query, (value.variables ?? {}) as Record<string, unknown>)
}

/**
 * Wraps Payload's GraphQL route handler (`GRAPHQL_POST(config)`): Payload parses a JSON body
 * itself and, when it is not JSON, throws past its error handling ("Invalid JSON" as a 500).
 * A JSON body that is not a GraphQL request is a 400 here too, before anything runs, and so is
 * a document over the length and token limits or with a fragment cycle (graphQLDocument.ts).
 */
export const guardGraphQLHandler =
  (handler: GraphQLHandler): GraphQLHandler =>
  async (request) => {
    // graphql-http takes JSON alone, but Payload first parses a multipart body itself and then
    // answered it with an empty 500: any other body is a 415 here.
    const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (request.body && type && !/^application\/(.+\+)?json$/.test(type)) {
      return errorResponse(
        `A GraphQL request is sent as application/json, not ${JSON.stringify(type.slice(0, 80))}.`,
        415,
      )
    }
    const body = await readJsonBody(request)
    if (body) {
      const problem =
        'error' in body
          ? `The GraphQL request body is not valid JSON: ${body.error}`
          : bodyProblem(body.value)
      if (problem) {
        return errorResponse(problem)
      }
    }
    try {
      return await withRequestId(await withErrorShape(await handler(request)), request)
    } catch (error) {
      // Thrown from a validation rule past graphql-http (Payload's complexity rule reads each
      // directive's arguments and throws on `@include(if: "x")`): the document's fault.
      if (error instanceof GraphQLError || (error as Error)?.name === 'GraphQLError') {
        return errorResponse((error as Error).message)
      }
      const answer = thrownClientError(error)
      if (answer) {
        return answer
      }
      throw error
    }
  }
