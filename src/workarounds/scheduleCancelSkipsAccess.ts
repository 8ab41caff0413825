import type { CollectionBeforeDeleteHook, Payload } from 'payload'

import { Forbidden } from 'payload'

import { canPublish } from '../access/roles'
import { collectionSlugs } from '../collectionSlugs'

/**
 * Workaround for a Payload 3.x gap: the admin's schedule drawer cancels a scheduled publish by
 * deleting its job through the Local API, which skips access, so any signed-in user could cancel
 * an editor's schedule of a story. A scheduled publish of a story is cancelled by a person only
 * if that person may publish (the runner and the server act without a user); the site's own jobs
 * are left as they are. Proved by `test/indirectDoors.test.ts`; listed in docs/operations.md.
 */
const refuseCancellingByWriters: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user || canPublish(req)) return
  const job = (await req.payload.findByID({
    collection: 'payload-jobs',
    depth: 0,
    disableErrors: true,
    id,
    req,
  })) as { input?: { doc?: { relationTo?: string } }; taskSlug?: string } | null
  if (
    job?.taskSlug === 'schedulePublish' &&
    job.input?.doc?.relationTo === collectionSlugs.articles
  ) {
    throw new Forbidden(req.t)
  }
}

/**
 * Added once Payload has built its jobs collection: given through `jobsCollectionOverrides`,
 * any hook makes Payload warn on every start that job hooks need `jobs.runHooks`, which would
 * route every job update through validation (and fails on FerretDB); deletes run the hook
 * either way.
 */
export const guardScheduleCancellation = (payload: Payload): void => {
  const jobs = payload.collections['payload-jobs']?.config
  if (jobs && !jobs.hooks.beforeDelete?.includes(refuseCancellingByWriters)) {
    jobs.hooks.beforeDelete = [...(jobs.hooks.beforeDelete ?? []), refuseCancellingByWriters]
  }
}
