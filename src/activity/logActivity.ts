import type { PayloadRequest } from 'payload'

import type { ActivityAction } from './actions'

import { collectionSlugs } from '../collectionSlugs'

/** One "edited" per person per story in this window: autosave runs every two seconds. */
export const EDIT_COALESCE_MINUTES = 10

type Entry = {
  action: ActivityAction
  detail?: null | string
  recordCollection: string
  recordId: number | string
  recordTitle?: null | string
}

const clip = (value: null | string | undefined, max: number): null | string =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null

const editedLately = async (req: PayloadRequest, entry: Entry, actor: number | string) => {
  const since = new Date(Date.now() - EDIT_COALESCE_MINUTES * 60_000).toISOString()
  const { totalDocs } = await req.payload.count({
    collection: collectionSlugs.activity,
    overrideAccess: true,
    req,
    where: {
      action: { equals: 'edited' },
      actor: { equals: actor },
      at: { greater_than: since },
      recordCollection: { equals: entry.recordCollection },
      recordId: { equals: String(entry.recordId) },
    },
  })
  return totalDocs > 0
}

/**
 * Appends one entry to the activity log, inside the change's own transaction (`req`), so a
 * change rolled back leaves no entry. Writes by code without a signed-in staff account (seed,
 * migrations, imports) are not logged: the log answers "who", and there is no one. A failure
 * here is logged and swallowed: the log never fails the change it records. Values are clipped
 * to the fields' limits first, so the insert itself has nothing to refuse.
 */
export const logActivity = async (req: PayloadRequest, entry: Entry): Promise<void> => {
  const user = req.user
  if (!user || user.collection !== collectionSlugs.users) {
    return
  }
  try {
    if (entry.action === 'edited' && (await editedLately(req, entry, user.id))) {
      return
    }
    await req.payload.create({
      collection: collectionSlugs.activity,
      data: {
        action: entry.action,
        actor: user.id,
        at: new Date().toISOString(),
        detail: clip(entry.detail, 300),
        recordCollection: entry.recordCollection,
        recordId: String(entry.recordId),
        recordTitle: clip(entry.recordTitle, 300),
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `activity log: ${entry.action} not recorded` })
  }
}
