import type { CollectionSlug, Payload, Where } from 'payload'

/** How many results one page of search shows. */
export const SEARCH_PAGE_SIZE = 20

/** Longer queries are cut here: a reader's search is a few words. */
export const MAX_QUERY_LENGTH = 200

/** The newest matches ranked by where the words are; past them, newest first. */
export const RANKED_MATCHES = 100

/** Characters of context on each side of the first matching word. */
const PASSAGE_CONTEXT = 90

export type SearchResult = {
  dek: null | string
  id: number | string
  /** Where the story's text matches, cut around the first match; null when only the title does. */
  passage: null | { after: string; before: string; match: string }
  publishedAt: null | string
  slug: null | string
  title: string
}

type SearchRecord = Record<string, unknown>

/** The reader's words, trimmed and bounded; empty when there is nothing to search for. */
export const searchQuery = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : (value ?? '')).trim().slice(0, MAX_QUERY_LENGTH)

const wordsOf = (query: string): string[] =>
  query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')

const containsAll = (value: unknown, words: string[]): boolean =>
  typeof value === 'string' && words.every((word) => value.toLowerCase().includes(word))

/** Headline matches first, then the dek's, then the text's; newest first within each. */
const rank = (record: SearchRecord, words: string[]): number =>
  containsAll(record.title, words) ? 2 : containsAll(record.dek, words) ? 1 : 0

/** The text around the first of the reader's words, on word boundaries where it can. */
export const passageOf = (
  text: unknown,
  words: string[],
): null | { after: string; before: string; match: string } => {
  if (typeof text !== 'string') {
    return null
  }
  const lower = text.toLowerCase()
  const found = words
    .map((word) => ({ at: lower.indexOf(word), word }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)[0]
  if (!found) {
    return null
  }
  const end = found.at + found.word.length
  const start = Math.max(0, found.at - PASSAGE_CONTEXT)
  const stop = Math.min(text.length, end + PASSAGE_CONTEXT)
  const before = text.slice(start, found.at).replace(/\s+/g, ' ')
  const after = text.slice(end, stop).replace(/\s+/g, ' ')
  return {
    after: stop < text.length ? `${after.replace(/\s\S*$/, '')}…` : after,
    before: start > 0 ? `…${before.replace(/^\S*\s/, '')}` : before,
    match: text.slice(found.at, end),
  }
}

/**
 * One page of published stories whose headline, dek or text (body, quotes and speakers, cases,
 * names: see storySearchText) hold every word, read from the search plugin's index as an
 * anonymous reader (it holds live stories only). The newest RANKED_MATCHES are ranked by where
 * the words are; later pages run on, newest first.
 */
export const searchStories = async (payload: Payload, query: string, page: number) => {
  const words = wordsOf(query)
  const where: Where = {
    or: [{ title: { like: query } }, { dek: { like: query } }, { text: { like: query } }],
  }
  const read = (args: {
    limit: number
    page: number
    select: Record<string, true>
    where: Where
  }) =>
    payload.find({
      collection: 'search' as CollectionSlug,
      depth: 0,
      overrideAccess: false,
      sort: '-publishedAt',
      ...args,
    })
  const shown = { dek: true, publishedAt: true, slug: true, title: true } as const
  const first = (page - 1) * SEARCH_PAGE_SIZE
  let records: SearchRecord[]
  let totalDocs: number
  if (first < RANKED_MATCHES) {
    const newest = await read({ limit: RANKED_MATCHES, page: 1, select: shown, where })
    totalDocs = newest.totalDocs
    records = (newest.docs as unknown as SearchRecord[])
      .map((record, index) => ({ index, rank: rank(record, words), record }))
      .sort((a, b) => b.rank - a.rank || a.index - b.index)
      .slice(first, first + SEARCH_PAGE_SIZE)
      .map(({ record }) => record)
  } else {
    const later = await read({ limit: SEARCH_PAGE_SIZE, page, select: shown, where })
    totalDocs = later.totalDocs
    records = later.docs as unknown as SearchRecord[]
  }
  // The text of the shown results only, for their passages.
  const ids = records.map((record) => record.id as number | string)
  const texts = new Map<string, unknown>()
  if (ids.length > 0) {
    const { docs } = await read({
      limit: ids.length,
      page: 1,
      select: { text: true },
      where: { id: { in: ids } },
    })
    for (const doc of docs as unknown as SearchRecord[]) {
      texts.set(String(doc.id), doc.text)
    }
  }
  const totalPages = Math.ceil(totalDocs / SEARCH_PAGE_SIZE)
  return {
    docs: records.map(
      (record) =>
        ({
          dek: typeof record.dek === 'string' ? record.dek : null,
          id: record.id as number | string,
          passage: rank(record, words) > 0 ? null : passageOf(texts.get(String(record.id)), words),
          publishedAt: typeof record.publishedAt === 'string' ? record.publishedAt : null,
          slug: typeof record.slug === 'string' ? record.slug : null,
          title: String(record.title ?? ''),
        }) satisfies SearchResult,
    ),
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
    totalDocs,
    totalPages,
  }
}
