import type { NewsroomGraphQLLimits, NewsroomLimitsOptions } from '../types'

export type ResolvedGraphQLLimits = Required<NewsroomGraphQLLimits>

/** The limits with every default filled in; `false` where the host turned one off. */
export type ResolvedLimits = {
  graphQL: false | ResolvedGraphQLLimits
  maxLimit: false | number
}

/**
 * A REST list read returns at most `maxLimit` documents; a GraphQL query within these limits
 * does at most ten such reads, none deeper than Payload's own `maxDepth` (10).
 */
export const DEFAULT_LIMITS = {
  graphQL: { maxAliases: 10, maxComplexity: 500, maxDepth: 10, maxRootFields: 10 },
  maxLimit: 100,
} as const satisfies ResolvedLimits

const positiveInteger = (value: number, name: string): number => {
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`newsroomPlugin: limits.${name} must be a whole number of at least 1`)
  }
  return value
}

export const resolveLimits = (
  options: NewsroomLimitsOptions = {},
  hostMaxComplexity?: number,
): ResolvedLimits => {
  const { graphQL = {}, maxLimit = DEFAULT_LIMITS.maxLimit } = options
  const defaults = DEFAULT_LIMITS.graphQL
  return {
    graphQL: graphQL && {
      maxAliases: positiveInteger(graphQL.maxAliases ?? defaults.maxAliases, 'graphQL.maxAliases'),
      maxComplexity: positiveInteger(
        graphQL.maxComplexity ?? hostMaxComplexity ?? defaults.maxComplexity,
        'graphQL.maxComplexity',
      ),
      maxDepth: positiveInteger(graphQL.maxDepth ?? defaults.maxDepth, 'graphQL.maxDepth'),
      maxRootFields: positiveInteger(
        graphQL.maxRootFields ?? defaults.maxRootFields,
        'graphQL.maxRootFields',
      ),
    },
    maxLimit: maxLimit === false ? false : positiveInteger(maxLimit, 'maxLimit'),
  }
}
