import type { GlobalAfterChangeHook } from 'payload'

import { FRONT_PAGE_KEY } from '../../cache/keys'
import { announceChange } from '../../delivery/invalidationHooks'

/** A new lead or order is live as fast as a publish: the front page's key is purged everywhere. */
export const invalidateFrontPageAfterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await announceChange(req, [FRONT_PAGE_KEY])
  return doc
}
