import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
  Where,
} from 'payload'

import type { Id, NewsroomArticle } from '../../../src/documents'

import { IN_LIVE_STORY } from '../../../fields/inLiveStory'
import { markLivePeople, peopleNamedBy } from '../../People/hooks/markLivePeople'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { notEmbargoed } from '../../../src/embargo/embargo'
import { relationId, relationIds } from '../../../src/utilities/ids'
import { bodyImageIds } from '../../../src/utilities/lexical'
import { DRAFT_SAVE } from './rememberDraftSave'
import { readLiveArticle } from './liveArticle'

type ShownCollection =
  | typeof collectionSlugs.cases
  | typeof collectionSlugs.claims
  | typeof collectionSlugs.media
  | typeof collectionSlugs.quotes
  | typeof collectionSlugs.relatedStories

/** Where a live story points at each kind of record it shows. */
const shownThrough: Record<ShownCollection, string[]> = {
  [collectionSlugs.cases]: ['cases'],
  [collectionSlugs.claims]: ['factCheck.claim'],
  // The hero, the images in the body, and the share image search engines and social networks
  // show. (A live person's photo is live too: see `livePhotos`.)
  [collectionSlugs.media]: ['hero.image', 'meta.image', 'bodyImages'],
  [collectionSlugs.quotes]: ['quotes'],
  [collectionSlugs.relatedStories]: ['relatedCoverage'],
}

/** What a live story shows, and the people its bylines name (their flags are set apart). */
export type References = Record<ShownCollection | typeof collectionSlugs.people, Id[]>

export const referencesOf = (article: Partial<NewsroomArticle> | null | undefined): References => {
  const shown = article as {
    bodyImages?: unknown
    factCheck?: { claim?: unknown }
    hero?: { image?: unknown }
    meta?: { image?: unknown }
  } | null
  const images = [
    relationId(shown?.hero?.image),
    relationId(shown?.meta?.image),
    ...relationIds(shown?.bodyImages),
    // A story read back with `select` has no body, and one being saved may not have its
    // `bodyImages` yet: either gives the images.
    ...bodyImageIds(article?.body, collectionSlugs.media),
  ]
  return {
    [collectionSlugs.cases]: relationIds(article?.cases),
    [collectionSlugs.claims]: relationIds([shown?.factCheck?.claim]),
    [collectionSlugs.media]: images.filter((id): id is Id => id !== undefined),
    [collectionSlugs.people]: peopleNamedBy(collectionSlugs.articles, article),
    [collectionSlugs.quotes]: relationIds(article?.quotes),
    [collectionSlugs.relatedStories]: relationIds(article?.relatedCoverage),
  }
}

export const BEFORE = 'newsroomLiveReferencesBefore'

/** Before the live story changes: what it showed, so records it stops showing are released. */
export const rememberLiveReferences: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc && req.context[DRAFT_SAVE] !== true) {
    req.context[`${BEFORE}:${String(originalDoc.id)}`] = referencesOf(
      await readLiveArticle(req, originalDoc.id),
    )
  }
  return data
}

/** Sets each record's flag to whether any story readers may see (published, not embargoed) shows it now. */
const markRecords = async (req: PayloadRequest, references: References) => {
  // An app that turns plugin-seo off has no `meta` group to query.
  const topLevel = new Set(
    req.payload.collections[collectionSlugs.articles].config.flattenedFields.map(
      (field) => field.name,
    ),
  )
  for (const [collection, allPaths] of Object.entries(shownThrough) as [
    ShownCollection,
    string[],
  ][]) {
    const paths = allPaths.filter((path) => topLevel.has(path.split('.')[0]))
    const ids = [...new Map(references[collection].map((id) => [String(id), id])).values()]
    if (ids.length === 0) {
      continue
    }
    const { docs } = await req.payload.find({
      collection: collectionSlugs.articles,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: Object.fromEntries(paths.map((path) => [path.split('.')[0], true])),
      where: {
        and: [
          // An embargoed story shows nothing to readers yet: the lift job marks its records.
          { _status: { equals: 'published' } },
          notEmbargoed(),
          { or: paths.map((path) => ({ [path]: { in: ids } })) },
        ],
      },
    })
    const shown = new Set(
      docs.flatMap((doc) => referencesOf(doc as NewsroomArticle)[collection]).map(String),
    )
    if (collection === collectionSlugs.media) {
      for (const id of await livePhotos(req, ids)) shown.add(String(id))
    }
    const live = ids.filter((id) => shown.has(String(id)))
    const released = ids.filter((id) => !shown.has(String(id)))
    const mark = async (value: boolean, marked: Id[]) => {
      if (marked.length === 0) return
      const where: Where = {
        and: [{ id: { in: marked } }, { [IN_LIVE_STORY]: { not_equals: value } }],
      }
      const flag = { [IN_LIVE_STORY]: value }
      await req.payload.update({
        collection: collection as CollectionSlug,
        data: flag,
        depth: 0,
        overrideAccess: true,
        req,
        where,
      })
    }
    await mark(true, live)
    await mark(false, released)
  }
  // Quotes, cases and claims whose flag changed above have checked their people already.
  if (references[collectionSlugs.people].length > 0) {
    await markLivePeople(req, references[collectionSlugs.people])
  }
}

/** Of these images, those that are the photo of a person readers see. */
const livePhotos = async (req: PayloadRequest, ids: Id[]): Promise<Id[]> => {
  const { docs } = await req.payload.find({
    collection: collectionSlugs.people,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { photo: true },
    where: { and: [{ [IN_LIVE_STORY]: { equals: true } }, { photo: { in: ids } }] },
  })
  return relationIds(docs.map((person) => (person as { photo?: unknown }).photo))
}

/** Sets each image's flag to whether readers see it now: in a live story, or a live person's photo. */
export const markLiveMedia = (req: PayloadRequest, ids: Id[]): Promise<void> =>
  markRecords(req, { ...referencesOf(null), [collectionSlugs.media]: ids })

const merged = (...lists: References[]): References => ({
  [collectionSlugs.cases]: lists.flatMap((list) => list[collectionSlugs.cases]),
  [collectionSlugs.claims]: lists.flatMap((list) => list[collectionSlugs.claims]),
  [collectionSlugs.media]: lists.flatMap((list) => list[collectionSlugs.media]),
  [collectionSlugs.people]: lists.flatMap((list) => list[collectionSlugs.people]),
  [collectionSlugs.quotes]: lists.flatMap((list) => list[collectionSlugs.quotes]),
  [collectionSlugs.relatedStories]: lists.flatMap((list) => list[collectionSlugs.relatedStories]),
})

/**
 * After a publish, an edit of the live story or an unpublish: every record the story showed
 * before or shows now is marked with whether a live story still shows it. Draft saves change
 * nothing readers see, so they change no flag.
 */
export const markLiveRecords: CollectionAfterChangeHook<NewsroomArticle> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (req.context[DRAFT_SAVE] === true && doc._status !== 'published') {
    return doc
  }
  const before =
    (req.context[`${BEFORE}:${String(doc.id)}`] as References | undefined) ?? referencesOf(null)
  await markRecords(req, merged(before, referencesOf(previousDoc), referencesOf(doc)))
  return doc
}

/** When a story's embargo lifts: the records it shows become readers' to see. */
export const markStoryRecords = (
  req: PayloadRequest,
  article: Partial<NewsroomArticle>,
): Promise<void> => markRecords(req, referencesOf(article))

/** A deleted story shows nothing any more. */
export const releaseLiveRecords: CollectionAfterDeleteHook<NewsroomArticle> = async ({
  doc,
  req,
}) => {
  await markRecords(req, referencesOf(doc))
  return doc
}
