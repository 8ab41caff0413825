import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { CarryOverArgs } from './carryOverArgs'

import { collectionSlugs } from '../collectionSlugs'
import { storySearchText } from '../search/storySearchText'
import { SEARCH_SLUG } from '../search/withSearch'
import { onceAtStart } from './onceAtStart'

/** Where the start-up step remembers that the carry-over ran (see onceAtStart). */
export const SEARCH_TEXT_DONE = 'newsroom:carried-over:search-text'

/**
 * Stories indexed before the search text existed were found by headline and dek only: each
 * live story's search record gets its text (body, quotes, cases, names), so readers find it by
 * them without a new publish. Run once at start (carryOverSearchTextAtStart), after the
 * migrations. A site without the newsroom's search (`search: false`) has nothing to do.
 */
export const carryOverSearchText = async ({
  payload,
  req,
}: CarryOverArgs): Promise<{ records: number }> => {
  const search = payload.collections[SEARCH_SLUG as CollectionSlug]
  if (!search?.config.flattenedFields.some((field) => field.name === 'text')) {
    return { records: 0 }
  }
  const request = { ...req, context: req?.context ?? {}, payload } as PayloadRequest
  const { docs: records } = await payload.find({
    collection: SEARCH_SLUG as CollectionSlug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { 'doc.relationTo': { equals: collectionSlugs.articles } },
  })
  let updated = 0
  for (const record of records as unknown as { doc?: { value?: unknown }; id: number | string }[]) {
    const storyId = record.doc?.value
    if (storyId === undefined || storyId === null) continue
    const { docs } = await payload.find({
      collection: collectionSlugs.articles,
      depth: 0,
      draft: false,
      limit: 1,
      overrideAccess: true,
      req,
      where: { and: [{ id: { equals: storyId } }, { _status: { equals: 'published' } }] },
    })
    if (!docs[0]) continue
    await payload.db.updateOne({
      collection: SEARCH_SLUG,
      data: { text: await storySearchText(docs[0] as unknown as Record<string, unknown>, request) },
      id: record.id,
      req,
    })
    updated += 1
  }
  return { records: updated }
}

/** The carry-over once at start, on every adapter, after the migrations (see onceAtStart). */
export const carryOverSearchTextAtStart = (payload: Payload): Promise<void> =>
  onceAtStart(payload, SEARCH_TEXT_DONE, async () => {
    const { records } = await carryOverSearchText({ payload })
    return records > 0 ? `Gave ${records} stories' search records their text.` : null
  })
