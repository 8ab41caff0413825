import type { Access } from 'payload'

import { hasRole, roles } from './roles'

/** Staff see every version; readers only what has been published. */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (hasRole(user, ...roles)) {
    return true
  }
  return { _status: { equals: 'published' } }
}
