import type { ValidationRule } from 'graphql'
import type { CollectionConfig, Config } from 'payload'

import type { NewsroomLimitsOptions } from '../types'

import { collectionSlugs } from '../collectionSlugs'
import { REDIRECTS_SLUG } from '../redirects/withRedirects'
import { SEARCH_SLUG } from '../search/withSearch'
import { graphQLCostRules, graphQLLimitRule } from './graphQLCost'
import { scopedToNewsroom } from './newsroomScope'
import { refuseOverLimitReads } from './refuseOverLimitReads'
import { resolveLimits } from './resolveLimits'

const withReadLimit = (collection: CollectionConfig, maxLimit: number): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    // First, so an over-limit read is refused before any other hook does work for it.
    beforeOperation: [refuseOverLimitReads(maxLimit), ...(collection.hooks?.beforeOperation ?? [])],
  },
})

/** What the limits cover. */
export type LimitsScope = {
  /** GraphQL limits on every query, and Payload's complexity cap lowered (`hardening.graphQL`). */
  everywhere: boolean
  /** The collections the newsroom built or added; the site's own are left as they are. */
  slugs: ReadonlySet<string>
}

const allNewsroom: LimitsScope = {
  everywhere: false,
  slugs: new Set<string>([...Object.values(collectionSlugs), REDIRECTS_SLUG, SEARCH_SLUG]),
}

/**
 * The plugin's limits on a config: a `limit` cap on the REST reads of the collections it builds
 * or adds, and GraphQL validation rules (cost, `limit` arguments) after any the host set, for
 * the queries that touch those collections, or for all with `everywhere` (which also lowers
 * Payload's complexity limit unless the host chose one).
 */
export const withLimits = (
  config: Config,
  options: false | NewsroomLimitsOptions = {},
  scope: LimitsScope = allNewsroom,
): Config => {
  if (options === false) {
    return config
  }
  const { graphQL, maxLimit } = resolveLimits(options, config.graphQL?.maxComplexity)
  const hostRules = config.graphQL?.validationRules
  return {
    ...config,
    collections: maxLimit
      ? config.collections?.map((collection) =>
          scope.slugs.has(collection.slug) ? withReadLimit(collection, maxLimit) : collection,
        )
      : config.collections,
    graphQL: {
      ...config.graphQL,
      ...(graphQL && scope.everywhere ? { maxComplexity: graphQL.maxComplexity } : {}),
      validationRules: (args) => {
        const scoped = scope.everywhere
          ? (rule: ValidationRule) => rule
          : scopedToNewsroom(args, scope.slugs)
        return [
          ...(hostRules ? hostRules(args) : []),
          ...(graphQL ? graphQLCostRules(graphQL).map(scoped) : []),
          ...(maxLimit ? [scoped(graphQLLimitRule(maxLimit, args.variableValues))] : []),
        ]
      },
    },
  }
}
