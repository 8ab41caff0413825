import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { ARTICLE_LIST_KEY, documentKey } from '../cache/keys'
import { announceChange } from '../delivery/invalidationHooks'

/**
 * A redirect's answers (the old page's 301, the delivery API's) carry the record's key, and an
 * old URL with no redirect yet is a 404 held under the article list's: a change to a redirect
 * purges both, on every instance.
 */
const keysOf = (collection: string, id: unknown): string[] =>
  id === undefined || id === null
    ? [ARTICLE_LIST_KEY]
    : [documentKey(collection, id as number | string), ARTICLE_LIST_KEY]

export const announceRedirectChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  req,
}) => {
  await announceChange(req, keysOf(collection.slug, doc?.id))
  return doc
}

export const announceRedirectDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  await announceChange(req, keysOf(collection.slug, doc?.id))
  return doc
}
