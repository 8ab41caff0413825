import type { CollectionBeforeOperationHook } from 'payload'

import { Forbidden } from 'payload'

import { hasRole } from '../../../src/access/roles'

/**
 * Only an admin lifts a lockout. Payload's default lets any signed-in account unlock any other,
 * which undoes the lock after repeated failed sign-ins, and it answers an unknown address (403)
 * differently from a known one (200). Refused here, before Payload looks the address up, so
 * everyone but an admin gets the same 403 whatever the address. Admins, who can list every
 * account anyway, keep Payload's answer. Code that overrides access (scripts) may still unlock.
 */
export const adminOnlyUnlock: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation === 'unlock' && !overrideAccess && !hasRole(req.user, 'admin')) {
    throw new Forbidden(req.t)
  }
  return args
}
