import type { CollectionBeforeOperationHook } from 'payload'

import { Forbidden } from 'payload'

import type { CanManageRoles } from '../access/canManageRoles'

const sameRoles = (a: unknown, b: unknown) =>
  JSON.stringify([...((a as string[]) ?? [])].sort()) ===
  JSON.stringify([...((b as string[]) ?? [])].sort())

/**
 * Only those who may manage roles change them, their own included. Refused outright (403)
 * before field access would silently drop the change, so a client never believes a promotion
 * went through.
 */
export const guardRoleChanges =
  (canManageRoles: CanManageRoles): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    const { data, id } = args as { data?: { roles?: unknown }; id?: number | string }
    if (operation !== 'update' || !req.user || !data?.roles || (await canManageRoles({ req }))) {
      return args
    }
    const current = id
      ? await req.payload.findByID({
          collection: collection.slug,
          depth: 0,
          disableErrors: true,
          id,
          overrideAccess: true,
          req,
        })
      : null
    if (!current || !sameRoles(data.roles, (current as { roles?: unknown }).roles)) {
      throw new Forbidden(req.t)
    }
    return args
  }
