import type { Access } from 'payload'

import { IN_LIVE_STORY } from '../../fields/inLiveStory'
import { canPublish, hasRole, roles } from './roles'

/** Staff read every record; readers only what a published story shows. */
export const liveOrStaff: Access = ({ req: { user } }) =>
  hasRole(user, ...roles) ? true : { [IN_LIVE_STORY]: { equals: true } }

/**
 * Editors change any record; writers only those no published story shows, so what readers see
 * of a live story changes only through an editor.
 */
export const editorsOnceLive: Access = ({ req }) => {
  if (canPublish(req)) {
    return true
  }
  return hasRole(req.user, 'writer') ? { [IN_LIVE_STORY]: { not_equals: true } } : false
}
