import type { CollectionAfterChangeHook, CollectionConfig, CollectionSlug, Where } from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { storySearchText } from './storySearchText'

/** Where a story names a record of each collection whose words its search text holds. */
const namedBy: Record<string, (id: number | string) => Where> = {
  [collectionSlugs.cases]: (id) => ({ cases: { in: [id] } }),
  [collectionSlugs.people]: (id) => ({ 'bylines.person': { equals: id } }),
  [collectionSlugs.quotes]: (id) => ({ quotes: { in: [id] } }),
  [collectionSlugs.sections]: (id) => ({ section: { equals: id } }),
  [collectionSlugs.topics]: (id) => ({ topics: { in: [id] } }),
}

/** The fields of each whose words a story's search text holds (see storySearchText). */
const wordFields: Record<string, string[]> = {
  [collectionSlugs.cases]: ['caption', 'citation'],
  [collectionSlugs.people]: ['name'],
  [collectionSlugs.quotes]: ['text', 'speaker'],
  [collectionSlugs.sections]: ['name'],
  [collectionSlugs.topics]: ['name'],
}

const sameWords = (fields: string[], doc: Record<string, unknown>, previous: unknown): boolean =>
  fields.every(
    (field) =>
      JSON.stringify(doc[field] ?? null) ===
      JSON.stringify((previous as Record<string, unknown> | undefined)?.[field] ?? null),
  )

/**
 * A quote, case, person or term changed: the live stories that show it get their search text
 * again, so readers find them by the words they now show, not those they showed at publish.
 */
const resyncStoryText =
  (searchSlug: string): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    const where = namedBy[collection.slug]
    // A new record is in no story yet; a live flag set on publish changes no words.
    if (
      !where ||
      operation !== 'update' ||
      sameWords(wordFields[collection.slug], doc, previousDoc)
    ) {
      return doc
    }
    const { docs: stories } = await req.payload.find({
      collection: collectionSlugs.articles,
      depth: 0,
      draft: false,
      limit: 200,
      req,
      where: { and: [where(doc.id), { _status: { equals: 'published' } }] },
    })
    for (const story of stories) {
      await req.payload.update({
        collection: searchSlug as CollectionSlug,
        data: { text: await storySearchText(story as unknown as Record<string, unknown>, req) },
        depth: 0,
        req,
        where: {
          and: [
            { 'doc.relationTo': { equals: collectionSlugs.articles } },
            { 'doc.value': { equals: story.id } },
          ],
        },
      })
    }
    return doc
  }

/** The collections whose words live stories' search text holds, each re-syncing them. */
export const withStoryTextResync = (
  collections: CollectionConfig[],
  searchSlug: string,
): CollectionConfig[] =>
  collections.map((collection) =>
    namedBy[collection.slug]
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), resyncStoryText(searchSlug)],
          },
        }
      : collection,
  )
