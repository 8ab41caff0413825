import type { Access, FieldAccess, PayloadRequest } from 'payload'

export const roles = ['admin', 'editor', 'writer'] as const

export type Role = (typeof roles)[number]

type WithRoles = { roles?: null | string[] } | null | undefined

export const hasRole = (user: unknown, ...wanted: Role[]): boolean =>
  Boolean((user as WithRoles)?.roles?.some((role) => (wanted as string[]).includes(role)))

/** Editors and admins: may publish, unpublish, schedule, delete and correct. */
export const canPublish = (req: Pick<PayloadRequest, 'user'>): boolean =>
  hasRole(req.user, 'editor', 'admin')

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

export const isEditor: Access = ({ req }) => canPublish(req)

export const isEditorField: FieldAccess = ({ req }) => canPublish(req)

/** Set by the server only: no client (nor any user through the Local API) writes it. */
export const serverOwned: FieldAccess = () => false

/** Anyone on staff: a signed-in account with at least one newsroom role. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, ...roles)

export const isStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, ...roles)

/**
 * A partner account (a wire client, a syndication partner): signs in with an API key, reads
 * embargoed stories through delivery and ninjs, and is no staff member (no admin, no drafts).
 */
export const PARTNER_ROLE = 'partner'

export const isPartner = (user: unknown): boolean =>
  Boolean((user as WithRoles)?.roles?.includes(PARTNER_ROLE))

/** Who may read a story before its embargo lifts: staff and partners. */
export const isStaffOrPartnerField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, ...roles) || isPartner(user)

export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) {
    return false
  }
  if (hasRole(user, 'admin')) {
    return true
  }
  return { id: { equals: user.id } }
}
