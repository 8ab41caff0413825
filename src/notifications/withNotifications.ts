import type { CollectionConfig } from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { notifyDisputedQuote } from './hooks/notifyDisputedQuote'
import { notifyMentions } from './hooks/notifyMentions'
import { notifyOnArticleChange, rememberWasLive } from './hooks/notifyOnArticleChange'

const afterChangeBySlug: Record<string, CollectionConfig['hooks']> = {
  [collectionSlugs.articles]: {
    afterChange: [notifyOnArticleChange],
    beforeChange: [rememberWasLive],
  },
  [collectionSlugs.editorialComments]: { afterChange: [notifyMentions] },
  [collectionSlugs.quotes]: { afterChange: [notifyDisputedQuote] },
}

/**
 * The hooks that write notifications, added last to the collections whose changes cause them
 * (after the site's overrides, so each sees the final document). Whether they write anything is
 * the `notifications` option's, read at run time (see notify).
 */
export const withNotifications = (collection: CollectionConfig): CollectionConfig => {
  const added = afterChangeBySlug[collection.slug]
  if (!added) {
    return collection
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), ...(added.afterChange ?? [])],
      beforeChange: [...(collection.hooks?.beforeChange ?? []), ...(added.beforeChange ?? [])],
    },
  }
}
