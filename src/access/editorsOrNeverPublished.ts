import type { Access } from 'payload'

import { canPublish, hasRole } from './roles'

/** Editors delete anything; writers only work that has never been published. */
export const editorsOrNeverPublished: Access = ({ req }) => {
  if (canPublish(req)) {
    return true
  }
  if (hasRole(req.user, 'writer')) {
    return { firstPublishedAt: { exists: false } }
  }
  return false
}
