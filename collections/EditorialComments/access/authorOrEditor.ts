import type { Access } from 'payload'

import { canPublish, hasRole, roles } from '../../../src/access/roles'

/** Editors change any comment; other staff only their own (its body, or resolving it). */
export const authorOrEditor: Access = ({ req }) => {
  if (canPublish(req)) {
    return true
  }
  return req.user && hasRole(req.user, ...roles) ? { author: { equals: req.user.id } } : false
}
