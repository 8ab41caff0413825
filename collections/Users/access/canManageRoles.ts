import type { Access, PayloadRequest } from 'payload'

import { hasRole } from '../../../src/access/roles'

/** Decides whether the request's user may grant and take back newsroom roles. */
export type CanManageRoles = (args: { req: PayloadRequest }) => boolean | Promise<boolean>

/** Payload's own rule for a collection that sets no `update` access: any signed-in user. */
const payloadDefaultUpdate: Access = ({ req }) => Boolean(req.user)

/**
 * Newsroom admins may grant roles. On a site's own users collection, so may whoever the site
 * already lets update every account (its `access.update` answers `true`, not a query): the
 * site's owner can make themselves a newsroom admin without the database, and nobody gains a
 * power over accounts that the site did not give them.
 */
export const defaultCanManageRoles =
  (siteUpdate?: Access | null): CanManageRoles =>
  async ({ req }) => {
    if (hasRole(req.user, 'admin')) {
      return true
    }
    if (siteUpdate === null || !req.user) {
      return false
    }
    return (await (siteUpdate ?? payloadDefaultUpdate)({ req })) === true
  }
