import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'

import { markStoryRecords } from '../../collections/Articles/hooks/markLiveRecords'
import { changeKeys } from '../cache/changeKeys'
import { collectionSlugs } from '../collectionSlugs'
import { announceChange } from '../delivery/invalidationHooks'
import { contextKeys } from '../requestContext'
import { indexStory } from '../search/embargoedSearch'
import { embargoEnd, isEmbargoed } from './embargo'

/** The job that shows a story to readers when its embargo ends. */
export const LIFT_EMBARGO_TASK = 'newsroomLiftEmbargo'

/** The queue the plugin's runner works (scheduled publishing's too). */
const QUEUE = 'default'

type LiftInput = { article: string }

type Story = Record<string, unknown> & { id: number | string }

/**
 * Readers' access already opens at the embargo's end (publishedOrStaff compares the time): what
 * is left is what was cached or indexed while it was hidden, and the records it shows, which
 * are marked readable now. The story's search record is
 * written, and its surrogate keys (the story and the lists) go through the change log, so every
 * instance's delivery and page caches, and the CDN through `cache.onPurge`, drop their 404s.
 */
export const liftEmbargo = async (
  req: PayloadRequest,
  articleId: number | string,
  search: { priority: number; slug: string } | null,
): Promise<boolean> => {
  const story = (await req.payload.findByID({
    id: articleId,
    collection: collectionSlugs.articles,
    depth: 0,
    disableErrors: true,
    draft: false,
    req,
  })) as null | Story
  // Unpublished or re-embargoed since it was queued: nothing to show (a newer job may come).
  if (!story || story._status !== 'published' || isEmbargoed(story)) {
    return false
  }
  // Its quotes, cases, images and people were held back with it.
  await markStoryRecords(req, story)
  if (search) {
    await indexStory(req, story, search.slug, search.priority)
  }
  await announceChange(req, changeKeys(collectionSlugs.articles, story))
  return true
}

/** The task, added to the site's jobs by the plugin (see withScheduledPublishing). */
export const liftEmbargoTask = (
  search: { priority: number; slug: string } | null,
): TaskConfig<{ input: LiftInput; output: { lifted: boolean } }> => ({
  slug: LIFT_EMBARGO_TASK,
  handler: async ({ input, req }) => ({
    output: { lifted: await liftEmbargo(req, input.article, search) },
  }),
  inputSchema: [{ name: 'article', type: 'text', required: true }],
  label: 'Lift a story’s embargo',
  outputSchema: [{ name: 'lifted', type: 'checkbox' }],
  retries: 3,
})

const DRAFT_SAVE = contextKeys.draftSave

/**
 * Keeps one lift job per embargoed live story, due at its `embargoUntil`: a publish with a
 * future embargo queues it, a changed embargo moves it, a cleared one (or an unpublish) cancels
 * it. A draft save changes nothing readers see, so it leaves the job alone. Clearing the
 * embargo shows the story at once through the save's own purge and search sync.
 */
export const scheduleEmbargoLift: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context[DRAFT_SAVE] === true && doc?._status === 'draft') {
    return doc
  }
  const before = embargoEnd(previousDoc)?.getTime() ?? null
  const after = embargoEnd(doc)?.getTime() ?? null
  if (before === after && previousDoc?._status === doc?._status) {
    return doc
  }
  const article = String(doc.id)
  // As `payload.jobs.cancel` marks a job, but inside the save's transaction: Payload's own
  // cancel writes outside it, and on SQLite then waits for the save's lock forever.
  await req.payload.update({
    collection: 'payload-jobs',
    data: {
      completedAt: null,
      error: { cancelled: true },
      hasError: true,
      processing: false,
      waitUntil: null,
    },
    depth: 0,
    req,
    where: {
      and: [
        { taskSlug: { equals: LIFT_EMBARGO_TASK } },
        { 'input.article': { equals: article } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
  })
  if (doc?._status === 'published' && isEmbargoed(doc)) {
    await req.payload.jobs.queue({
      input: { article },
      queue: QUEUE,
      req,
      task: LIFT_EMBARGO_TASK as never,
      waitUntil: embargoEnd(doc) ?? undefined,
    } as never)
  }
  return doc
}
