import type { CollectionSlug, Payload } from 'payload'

/** How many results one page of search shows. */
export const SEARCH_PAGE_SIZE = 20

/** Longer queries are cut here: a reader's search is a few words. */
export const MAX_QUERY_LENGTH = 200

export type SearchResult = {
  dek: null | string
  id: number | string
  publishedAt: null | string
  slug: null | string
  title: string
}

/** The reader's words, trimmed and bounded; empty when there is nothing to search for. */
export const searchQuery = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : (value ?? '')).trim().slice(0, MAX_QUERY_LENGTH)

/**
 * One page of published stories matching the words in their headline or dek, newest first, read
 * from the search plugin's index as an anonymous reader (it holds live stories only).
 */
export const searchStories = async (payload: Payload, query: string, page: number) => {
  const result = await payload.find({
    collection: 'search' as CollectionSlug,
    depth: 0,
    limit: SEARCH_PAGE_SIZE,
    overrideAccess: false,
    page,
    sort: '-publishedAt',
    where: { or: [{ title: { like: query } }, { dek: { like: query } }] },
  })
  return {
    ...result,
    docs: result.docs.map((doc) => {
      const record = doc as unknown as Record<string, unknown>
      return {
        dek: typeof record.dek === 'string' ? record.dek : null,
        id: record.id as number | string,
        publishedAt: typeof record.publishedAt === 'string' ? record.publishedAt : null,
        slug: typeof record.slug === 'string' ? record.slug : null,
        title: String(record.title ?? ''),
      } satisfies SearchResult
    }),
  }
}
