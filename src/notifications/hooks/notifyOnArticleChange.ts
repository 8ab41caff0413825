import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Id, NewsroomArticle } from '../../documents'

import { readLiveArticle } from '../../../collections/Articles/hooks/liveArticle'
import { DRAFT_SAVE } from '../../../collections/Articles/hooks/rememberDraftSave'
import { hasRole } from '../../access/roles'
import { collectionSlugs } from '../../collectionSlugs'
import { REVIEW_STAGE } from '../../reviewStage'
import { translate } from '../../translations/translate'
import { relationId, relationIds } from '../../utilities/ids'
import { notify } from '../notify'

export type AssignedArticle = NewsroomArticle & {
  assignment?: null | { editor?: unknown; reporters?: unknown }
}

const wasLiveKey = (id: Id) => `newsroomWasLive:${String(id)}`

/** Whether the story was live before this write: a publish of a live story is no news to tell. */
export const rememberWasLive: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (data._status === 'published' && originalDoc?.id !== undefined) {
    req.context[wasLiveKey(originalDoc.id)] = Boolean(await readLiveArticle(req, originalDoc.id))
  }
  return data
}

/** The story's own people: its byline accounts and its assigned reporters. */
export const storyPeople = (doc: AssignedArticle | undefined): Id[] => [
  ...(doc?.bylines ?? [])
    .map((byline) => relationId(byline.author))
    .filter((id): id is Id => id !== undefined),
  ...relationIds(doc?.assignment?.reporters),
]

const headlineOf = (doc: AssignedArticle) => doc.headline ?? String(doc.id)

const assignedPeople = (doc: AssignedArticle, previousDoc: AssignedArticle | undefined): Id[] => {
  const before = relationIds(previousDoc?.assignment?.reporters).map(String)
  const reporters = relationIds(doc.assignment?.reporters).filter(
    (id) => !before.includes(String(id)),
  )
  const editor = relationId(doc.assignment?.editor)
  const editorBefore = relationId(previousDoc?.assignment?.editor)
  return editor !== undefined && String(editor) !== String(editorBefore)
    ? [...reporters, editor]
    : reporters
}

/** Editors a submitted story goes to: its assigned editor, or every editor when it has none. */
const reviewers = async (req: PayloadRequest, doc: AssignedArticle): Promise<Id[]> => {
  const assigned = relationId(doc.assignment?.editor)
  if (assigned !== undefined) {
    return [assigned]
  }
  const { docs } = await req.payload.find({
    collection: collectionSlugs.users,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { roles: true },
    where: { roles: { in: ['editor'] } },
  })
  return docs.filter((user) => hasRole(user, 'editor')).map((user) => user.id as Id)
}

/**
 * What a change to a story tells its people: those newly assigned to it; its editor(s) when it
 * is submitted for review (moved into the review stage, which taking a story down also does:
 * that one is no submission); its reporters and byline accounts when it goes live.
 */
export const notifyOnArticleChange: CollectionAfterChangeHook<AssignedArticle> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const headline = headlineOf(doc)
  const assigned = assignedPeople(doc, previousDoc)
  if (assigned.length > 0) {
    await notify(req, {
      articleId: doc.id,
      kind: 'assigned',
      message: translate(req.t, 'notifyAssigned', { headline }),
      recipients: assigned,
    })
  }
  const takenDown =
    req.context[DRAFT_SAVE] !== true &&
    doc._status === 'draft' &&
    previousDoc?._status === 'published'
  if (doc.stage === REVIEW_STAGE && previousDoc?.stage !== REVIEW_STAGE && !takenDown) {
    await notify(req, {
      articleId: doc.id,
      kind: 'submitted',
      message: translate(req.t, 'notifySubmitted', { headline }),
      recipients: await reviewers(req, doc),
    })
  }
  if (doc._status === 'published' && req.context[wasLiveKey(doc.id)] !== true) {
    await notify(req, {
      articleId: doc.id,
      kind: 'published',
      message: translate(req.t, 'notifyPublished', { headline }),
      recipients: storyPeople(doc),
    })
    // One publish is told once, however many times Payload runs the hooks for it.
    req.context[wasLiveKey(doc.id)] = true
  }
  return doc
}
