import type { CollectionConfig, Config } from 'payload'

import type { NewsroomLimitsOptions } from '../types'

import { collectionSlugs } from '../collectionSlugs'
import { REDIRECTS_SLUG } from '../redirects/withRedirects'
import { SEARCH_SLUG } from '../search/withSearch'
import { graphQLCostRule, graphQLLimitRule } from './graphQLCost'
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

/**
 * The collections the plugin builds, extends or adds with Payload's plugins (redirects and
 * search are read anonymously too); the app's others are left as they are.
 */
const managed = new Set<string>([...Object.values(collectionSlugs), REDIRECTS_SLUG, SEARCH_SLUG])

/**
 * The plugin's limits on a config: a `limit` cap on the REST reads of the collections it builds
 * or extends, and GraphQL validation rules (cost, `limit` arguments, for every collection) after
 * any the host set, with Payload's complexity limit lowered unless the host chose one.
 */
export const withLimits = (config: Config, options: false | NewsroomLimitsOptions = {}): Config => {
  if (options === false) {
    return config
  }
  const { graphQL, maxLimit } = resolveLimits(options, config.graphQL?.maxComplexity)
  const hostRules = config.graphQL?.validationRules
  return {
    ...config,
    collections: maxLimit
      ? config.collections?.map((collection) =>
          managed.has(collection.slug) ? withReadLimit(collection, maxLimit) : collection,
        )
      : config.collections,
    graphQL: {
      ...config.graphQL,
      ...(graphQL ? { maxComplexity: graphQL.maxComplexity } : {}),
      validationRules: (args) => [
        ...(hostRules ? hostRules(args) : []),
        ...(graphQL ? [graphQLCostRule(graphQL)] : []),
        ...(maxLimit ? [graphQLLimitRule(maxLimit, args.variableValues)] : []),
      ],
    },
  }
}
