import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { readLimitProblem } from './readLimit'

type JoinQuery = Record<string, unknown>

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Refuses a REST read whose query asks for more than `maxLimit` documents, itself or in a join
 * (`joins[field][limit]`). It checks the request's own query, not the operation's arguments: the
 * reads Payload and the plugin's hooks make inside a request (population, precedent chains) pass
 * their own limits and are never refused. GraphQL arguments are checked by a validation rule.
 */
export const refuseOverLimitReads =
  (maxLimit: number): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    if (
      (operation !== 'read' && operation !== 'readDistinct') ||
      req.payloadAPI !== 'REST' ||
      req.method !== 'GET'
    ) {
      return args
    }
    const query = (req.query ?? {}) as Record<string, unknown>
    const problems: { message: string; path: string }[] = []
    const own = readLimitProblem(query, maxLimit)
    if (own) {
      problems.push({ message: own, path: 'limit' })
    }
    if (isObject(query.joins)) {
      for (const [field, join] of Object.entries(query.joins as JoinQuery)) {
        const problem = isObject(join) ? readLimitProblem({ limit: join.limit }, maxLimit) : null
        if (problem) {
          problems.push({ message: `joins[${field}]: ${problem}`, path: `joins.${field}.limit` })
        }
      }
    }
    if (problems.length > 0) {
      throw new ValidationError({ collection: collection.slug, errors: problems })
    }
    return args
  }
