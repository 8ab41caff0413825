import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Where } from 'payload'

import type { NewsroomCase } from '../../../src/documents'

import { APIError } from 'payload'

import { IN_LIVE_STORY } from '../../../fields/inLiveStory'
import { canPublish } from '../../../src/access/roles'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { relationIds } from '../../../src/utilities/ids'

/** The cases an overruling would flip to "overruled": not yet overruled, not set by hand. */
const flippable = (ids: (number | string)[]): Where[] => [
  { id: { in: ids } },
  { status: { not_equals: 'overruled' } },
  { statusSetByEditor: { not_equals: true } },
]

/**
 * What a live case shows readers (its status, its precedent chain) changes only through an
 * editor. A writer's case may record that it overrules cases no published story shows yet (they
 * are marked overruled at once, out of readers' sight), but naming a case a live story shows,
 * whose status would change, is refused with a 403 that says so and writes nothing. Refusing
 * rather than deferring: the writer learns at once that an editor must make this change, and
 * the editor who then adds it sees the live case turn overruled as they save, not at some later
 * publish of an unrelated story. Requests without a user (the server's own jobs) are trusted.
 */
export const editorsOverruleLiveCases: CollectionBeforeChangeHook<NewsroomCase> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!req.user || canPublish(req)) {
    return data
  }
  const before = new Set(relationIds(originalDoc?.overrules).map(String))
  const added = relationIds(data.overrules).filter((id) => !before.has(String(id)))
  if (added.length === 0) {
    return data
  }
  const { docs } = await req.payload.find({
    collection: collectionSlugs.cases,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { caption: true },
    where: { and: [...flippable(added), { [IN_LIVE_STORY]: { equals: true } }] },
  })
  if (docs.length > 0) {
    const captions = docs.map((record) => `"${record.caption}"`).join(', ')
    throw new APIError(
      `Only an editor may mark a case overruled while a published story shows it (${captions}): ask an editor to add it to "overrules".`,
      403,
      undefined,
      true,
    )
  }
  return data
}

/**
 * A case that a later case overrules shows as overruled, unless an editor has set its status
 * by hand (`statusSetByEditor`), e.g. when the overruling decision was itself vacated.
 */
export const markOverruledTargets: CollectionAfterChangeHook<NewsroomCase> = async ({
  doc,
  req,
}) => {
  const targets = relationIds(doc.overrules)
  if (targets.length === 0) {
    return doc
  }
  await req.payload.update({
    collection: collectionSlugs.cases,
    data: { status: 'overruled' },
    depth: 0,
    req,
    where: {
      and: [
        ...flippable(targets),
        // editorsOverruleLiveCases refused a writer's live targets; this keeps it so if a target
        // went live since.
        ...(req.user && !canPublish(req) ? [{ [IN_LIVE_STORY]: { not_equals: true } }] : []),
      ],
    },
  })
  return doc
}

/** Keeps a case overruled when it is saved again, while something still overrules it. */
export const keepOverruledStatus: CollectionBeforeChangeHook<NewsroomCase> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const setByEditor = data.statusSetByEditor ?? originalDoc?.statusSetByEditor
  if (operation !== 'update' || setByEditor || !originalDoc) {
    return data
  }
  const { totalDocs } = await req.payload.count({
    collection: collectionSlugs.cases,
    req,
    where: { overrules: { in: [originalDoc.id] } },
  })
  if (totalDocs > 0) {
    data.status = 'overruled'
  }
  return data
}
