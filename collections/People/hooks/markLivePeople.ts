import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionSlug,
  PayloadRequest,
  Where,
} from 'payload'

import type { Id } from '../../../src/documents'

import { IN_LIVE_STORY } from '../../../fields/inLiveStory'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { notEmbargoed } from '../../../src/embargo/embargo'
import { contextKeys } from '../../../src/requestContext'
import { relationId } from '../../../src/utilities/ids'

/** Where each kind of record that readers may see names a person. */
const namedThrough: { collection: CollectionSlug; live: () => Where; path: string }[] = [
  {
    collection: collectionSlugs.articles,
    // Read at the time of the check: an embargoed story's byline is not shown yet.
    live: () => ({ and: [{ _status: { equals: 'published' } }, notEmbargoed()] }),
    path: 'bylines.person',
  },
  {
    collection: collectionSlugs.quotes,
    live: () => ({ [IN_LIVE_STORY]: { equals: true } }),
    path: 'speaker.person',
  },
  {
    collection: collectionSlugs.cases,
    live: () => ({ [IN_LIVE_STORY]: { equals: true } }),
    path: 'parties.person',
  },
  {
    collection: collectionSlugs.claims,
    live: () => ({ [IN_LIVE_STORY]: { equals: true } }),
    path: 'claimant',
  },
]

const personIdsIn = (doc: unknown, path: string): Id[] => {
  const [head, tail] = path.split('.')
  const value = (doc as Record<string, unknown> | null | undefined)?.[head]
  const items = Array.isArray(value) ? value : [value]
  return items
    .map((item) =>
      relationId(tail ? (item as Record<string, unknown> | null | undefined)?.[tail] : item),
    )
    .filter((id): id is Id => id !== undefined && id !== null && id !== '')
}

/** The people a record names, wherever that kind of record names them. */
export const peopleNamedBy = (collection: string, doc: unknown): Id[] =>
  namedThrough
    .filter((entry) => entry.collection === collection)
    .flatMap((entry) => personIdsIn(doc, entry.path))

/**
 * Sets each person's flag to whether anything readers see names them now: a published story's
 * byline, or a quote, case or claim a published story shows (an embargoed one counts once lifted).
 */
export const markLivePeople = (req: PayloadRequest, people: Id[]): Promise<void> => {
  // One at a time per request: a publish updates many quotes at once, and two of them may name
  // the same person, whose record two concurrent updates would both rewrite.
  const previous = req.context[QUEUE] ?? Promise.resolve()
  const next = previous.then(() => markNow(req, people))
  req.context[QUEUE] = next.catch(() => undefined)
  return next
}

const QUEUE = contextKeys.livePeopleQueue

const markNow = async (req: PayloadRequest, people: Id[]): Promise<void> => {
  const ids = [...new Map(people.map((id) => [String(id), id])).values()]
  if (ids.length === 0) {
    return
  }
  const shown = new Set<string>()
  for (const { collection, live, path } of namedThrough) {
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { [path.split('.')[0]]: true },
      where: { and: [live(), { [path]: { in: ids } }] },
    })
    for (const doc of docs) {
      for (const id of personIdsIn(doc, path)) {
        shown.add(String(id))
      }
    }
  }
  const mark = async (value: boolean, marked: Id[]) => {
    if (marked.length === 0) return
    await req.payload.update({
      collection: collectionSlugs.people,
      data: { [IN_LIVE_STORY]: value },
      depth: 0,
      overrideAccess: true,
      req,
      where: { and: [{ id: { in: marked } }, { [IN_LIVE_STORY]: { not_equals: value } }] },
    })
  }
  await mark(
    true,
    ids.filter((id) => shown.has(String(id))),
  )
  await mark(
    false,
    ids.filter((id) => !shown.has(String(id))),
  )
}

/**
 * After a quote, case or claim changes (its flag included, which the story's publish sets): the
 * people it names now or named before are checked again.
 */
export const markNamedPeople: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  await markLivePeople(req, [
    ...peopleNamedBy(collection.slug, previousDoc),
    ...peopleNamedBy(collection.slug, doc),
  ])
  return doc
}

/** A deleted record names nobody any more. */
export const releaseNamedPeople: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await markLivePeople(req, peopleNamedBy(collection.slug, doc))
  return doc
}
