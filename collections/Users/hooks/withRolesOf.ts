import type { FieldHook } from 'payload'

import type { NewsroomRolesOptions } from '../../../src/types'

import { roles as newsroomRoles } from '../../../src/access/roles'

/**
 * The roles a site's own data gives a user (the plugin's `roles.of`), added to the stored ones
 * each time the account is read (the session's user included). The admin shows them in the
 * field, so a save of the account stores them too: the site said the user holds them.
 */
export const withRolesOf =
  (rolesOf: NonNullable<NewsroomRolesOptions['of']>): FieldHook =>
  ({ siblingData, value }) => {
    const stored = Array.isArray(value) ? (value as string[]) : []
    const given = (rolesOf(siblingData ?? {}) ?? []).filter((role) =>
      (newsroomRoles as readonly string[]).includes(role),
    )
    return [...new Set([...stored, ...given])]
  }
