import type { CollectionBeforeChangeHook, Payload } from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { FRONT_PAGE_SLUG } from '../globals/FrontPage'

const NEWSROOM_COLLECTIONS = new Set<string>(Object.values(collectionSlugs))

type LockData = {
  document?: { relationTo?: string; value?: unknown } | null
  globalSlug?: null | string
  user?: unknown
}

const isNewsroomLock = (lock: LockData | undefined): boolean =>
  NEWSROOM_COLLECTIONS.has(lock?.document?.relationTo ?? '') || lock?.globalSlug === FRONT_PAGE_SLUG

/**
 * Workaround for a Payload 3.x gap: a document lock names its holder in a `user` field that the
 * client sends, and Payload's locks collection is added after every plugin, so no config can say
 * otherwise: a writer could lock a live story in an editor's name (REST, GraphQL) and keep
 * others out under that name. A lock on one of the newsroom's records is always in the name of
 * the person who takes it (the front page's too). Proved by `test/documentLocks.test.ts`; listed in docs/installing.md.
 */
const lockInOwnName: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.user || !(isNewsroomLock(data as LockData) || isNewsroomLock(originalDoc))) {
    return data
  }
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}

/** Added once Payload has built its locks collection (see above). */
export const guardLocksOnNewsroomRecords = (payload: Payload): void => {
  const locks = payload.collections['payload-locked-documents']?.config
  if (locks && !locks.hooks.beforeChange?.includes(lockInOwnName)) {
    locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), lockInOwnName]
  }
}
