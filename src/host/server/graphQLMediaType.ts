import type { RequestHandler } from 'express'

const GRAPHQL_RESPONSE = 'application/graphql-response+json'

/**
 * A GraphQL client that names no media type (no Accept, or `*\/*`) is answered in
 * application/graphql-response+json, the GraphQL-over-HTTP spec's default since 2025, under
 * which a query refused before it runs (too costly, invalid) is a 400 rather than a 200 with
 * errors. Clients that ask for application/json keep the legacy answers.
 */
export const graphQLMediaType =
  (graphQLPath: string): RequestHandler =>
  (req, _res, next) => {
    if (req.path === graphQLPath) {
      const accept = req.headers.accept?.trim()
      if (!accept || accept === '*/*') {
        req.headers.accept = GRAPHQL_RESPONSE
      }
    }
    next()
  }
