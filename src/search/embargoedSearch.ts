import type {
  CollectionAfterChangeHook,
  CollectionConfig,
  CollectionSlug,
  PayloadRequest,
  Where,
} from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { isEmbargoed } from '../embargo/embargo'
import { storySearchText } from './storySearchText'

type Story = Record<string, unknown> & { id: number | string }

/** What a story's search record holds besides its link: what plugin-search's beforeSync adds. */
export const storySearchFields = async (story: Record<string, unknown>, req: PayloadRequest) => ({
  dek: (story.dek as null | string | undefined) ?? null,
  publishedAt: (story.publishedAt as null | string | undefined) ?? null,
  slug: (story.slug as null | string | undefined) ?? null,
  text: await storySearchText(story, req),
  title: (story.headline as string | undefined) ?? '',
})

/** plugin-search's `skipSync`: a story under embargo is never written to the index. */
export const skipEmbargoed = ({ doc }: { doc: Record<string, unknown> }): boolean =>
  isEmbargoed(doc)

const storyRecord = (story: Story): Where => ({
  and: [
    { 'doc.relationTo': { equals: collectionSlugs.articles } },
    { 'doc.value': { equals: story.id } },
  ],
})

/**
 * A live story that an editor puts under embargo leaves the index at once (plugin-search only
 * skips writing it): readers' search must not find what their pages no longer show.
 */
const dropEmbargoed =
  (searchSlug: string): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    if (doc?._status === 'published' && isEmbargoed(doc)) {
      await req.payload.delete({
        collection: searchSlug as CollectionSlug,
        depth: 0,
        req,
        where: storyRecord(doc as Story),
      })
    }
    return doc
  }

/**
 * At the embargo's end: the story's search record, written as plugin-search writes it on
 * publish (the lift job's part; no article write happens then to trigger the plugin).
 */
export const indexStory = async (
  req: PayloadRequest,
  story: Story,
  searchSlug: string,
  priority: number,
): Promise<void> => {
  if (!req.payload.collections[searchSlug as CollectionSlug]) {
    return
  }
  const fields = await storySearchFields(story, req)
  const { docs } = await req.payload.find({
    collection: searchSlug as CollectionSlug,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
    where: storyRecord(story),
  })
  if (docs[0]) {
    await req.payload.update({
      id: docs[0].id,
      collection: searchSlug as CollectionSlug,
      data: fields as never,
      depth: 0,
      req,
    })
    return
  }
  await req.payload.create({
    collection: searchSlug as CollectionSlug,
    data: {
      ...fields,
      doc: { relationTo: collectionSlugs.articles, value: story.id },
      priority,
    } as never,
    depth: 0,
    req,
  })
}

/** The articles collection drops its search record whenever a save leaves it embargoed. */
export const withEmbargoedSearch = (
  collections: CollectionConfig[],
  searchSlug: string,
): CollectionConfig[] =>
  collections.map((collection) =>
    collection.slug === collectionSlugs.articles
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), dropEmbargoed(searchSlug)],
          },
        }
      : collection,
  )
