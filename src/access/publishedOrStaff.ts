import type { Access, Where } from 'payload'

import { notEmbargoed } from '../embargo/embargo'
import { hasRole, isPartner, roles } from './roles'

/**
 * Staff see every version; partners every published story, embargoed ones included; readers
 * only what has been published and is not under embargo.
 */
export const publishedOrStaff: Access = ({ req: { user } }): boolean | Where => {
  if (hasRole(user, ...roles)) {
    return true
  }
  if (isPartner(user)) {
    return { _status: { equals: 'published' } }
  }
  return { and: [{ _status: { equals: 'published' } }, notEmbargoed()] }
}
