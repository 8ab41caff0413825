import type { CollectionSlug, FieldHook, Payload, PayloadRequest } from 'payload'

import type { Id, NewsroomCase } from '../../../src/documents'

import { recordApiRead } from '../../../src/cache/apiReads'
import { apiListKey } from '../../../src/cache/keys'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { contextKeys } from '../../../src/requestContext'
import { relationId, sameId } from '../../../src/utilities/ids'

type CaseRecord = NewsroomCase

export type PrecedentLink = {
  caption?: string
  citation?: null | string
  decidedAt?: null | string
  id: Id
  overrules: Id[]
  slug?: null | string
  status?: null | string
}

const MAX_CHAIN = 50

/** Cases read while building a chain must not build chains of their own (endless recursion). */
const BUILDING_CHAIN = contextKeys.buildingPrecedentChain

/**
 * Cases as the reader asking may read them: a reader's chain lists only public cases, so a
 * writer's unpublished case that names a live one never shows on the live one's page.
 */
const findCases = async (payload: Payload, user: PayloadRequest['user'], ids: Id[]) =>
  (
    await payload.find({
      collection: collectionSlugs.cases as CollectionSlug,
      context: { [BUILDING_CHAIN]: true },
      depth: 0,
      limit: ids.length,
      overrideAccess: false,
      pagination: false,
      user,
      where: { id: { in: ids } },
    })
  ).docs as CaseRecord[]

const findLinkedTo = async (payload: Payload, user: PayloadRequest['user'], id: Id) =>
  (
    await payload.find({
      collection: collectionSlugs.cases as CollectionSlug,
      context: { [BUILDING_CHAIN]: true },
      depth: 0,
      limit: MAX_CHAIN,
      overrideAccess: false,
      pagination: false,
      user,
      where: { or: [{ follows: { in: [id] } }, { overrules: { in: [id] } }] },
    })
  ).docs as CaseRecord[]

/**
 * The line of precedent this case sits in, oldest first: every case reachable through
 * `follows` and `overrules`, in either direction (Kasinga 1996 → R-A- → A-R-C-G- 2014 → A-B-
 * 2018, which overrules A-R-C-G-).
 */
export const computePrecedentChain: FieldHook<NewsroomCase> = async ({ data, findMany, req }) => {
  // A walk of the graph per document is for a case's own page, not for every row of a list.
  if (!data?.id || findMany || req.context[BUILDING_CHAIN]) {
    return undefined
  }
  // The chain is read without the request and may reach any case: any case's change moves it.
  recordApiRead(req, [apiListKey(collectionSlugs.cases)])
  const seen = new Map<string, CaseRecord>([[String(data.id), data as CaseRecord]])
  let frontier: CaseRecord[] = [data as CaseRecord]
  while (frontier.length > 0 && seen.size < MAX_CHAIN) {
    const next: CaseRecord[] = []
    const earlierIds = frontier
      .flatMap((record) => [...(record.follows ?? []), ...(record.overrules ?? [])])
      .map(relationId)
      .filter((id): id is Id => id !== undefined && !seen.has(String(id)))
    if (earlierIds.length > 0) {
      next.push(...(await findCases(req.payload, req.user, earlierIds)))
    }
    for (const record of frontier) {
      next.push(...(await findLinkedTo(req.payload, req.user, record.id)))
    }
    frontier = next.filter((record) => {
      if (seen.has(String(record.id))) {
        return false
      }
      seen.set(String(record.id), record)
      return true
    })
  }
  return [...seen.values()]
    .sort((a, b) => String(a.decidedAt ?? '').localeCompare(String(b.decidedAt ?? '')))
    .map((record): PrecedentLink => ({
      caption: record.caption,
      citation: record.citation,
      decidedAt: record.decidedAt,
      id: record.id,
      // Only cases in this chain: a reader's chain names no case the reader may not read.
      overrules: (record.overrules ?? [])
        .map(relationId)
        .filter(
          (id): id is Id => id !== undefined && !sameId(id, record.id) && seen.has(String(id)),
        ),
      slug: record.slug,
      status: record.status,
    }))
}
