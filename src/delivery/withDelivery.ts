import type { CollectionConfig } from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { deliveryEndpoints } from './deliveryEndpoints'
import {
  invalidateDeliveryAfterChange,
  invalidateDeliveryAfterDelete,
  rememberDraftSave,
} from './invalidationHooks'

/** Everything a delivered article shows comes from these; users for byline names, sections and
 * topics for their names. */
const shownCollections = new Set<string>([
  collectionSlugs.articles,
  collectionSlugs.cases,
  collectionSlugs.claims,
  collectionSlugs.people,
  collectionSlugs.media,
  collectionSlugs.quotes,
  collectionSlugs.relatedStories,
  collectionSlugs.sections,
  collectionSlugs.topics,
  collectionSlugs.users,
])

/**
 * Appends the delivery API to a collection: the endpoints on articles, and on every collection
 * an article shows, hooks that announce each change so no instance keeps a stale copy.
 */
export const withDelivery = (collection: CollectionConfig): CollectionConfig => {
  if (!shownCollections.has(collection.slug)) {
    return collection
  }
  const hooks = collection.hooks ?? {}
  const endpoints =
    collection.slug === collectionSlugs.articles && collection.endpoints !== false
      ? [...(collection.endpoints ?? []), ...deliveryEndpoints()]
      : collection.endpoints
  return {
    ...collection,
    endpoints,
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), invalidateDeliveryAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), invalidateDeliveryAfterDelete],
      beforeOperation: [...(hooks.beforeOperation ?? []), rememberDraftSave],
    },
  }
}
