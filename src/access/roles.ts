import type { Access, FieldAccess } from 'payload'

export const roles = ['admin', 'editor', 'writer'] as const

export type Role = (typeof roles)[number]

type WithRoles = { roles?: null | string[] } | null | undefined

export const hasRole = (user: WithRoles, ...wanted: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => (wanted as string[]).includes(role)))

export const isAdmin: Access = ({ req: { user } }) => hasRole(user as WithRoles, 'admin')

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user as WithRoles, 'admin')

export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) {
    return false
  }
  if (hasRole(user as WithRoles, 'admin')) {
    return true
  }
  return { id: { equals: user.id } }
}
