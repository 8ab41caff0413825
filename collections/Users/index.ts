import type { CollectionConfig, Field, FieldAccess } from 'payload'

import {
  hasRole,
  isAdmin,
  isAdminField,
  isAdminOrSelf,
  isStaff,
  roles,
} from '../../src/access/roles'
import { sameId } from '../../src/utilities/ids'
import { collectionSlugs } from '../../src/collectionSlugs'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { guardRoleChanges } from './hooks/guardRoleChanges'
import { CURRENT_PASSWORD, MIN_PASSWORD_LENGTH, passwordRules } from './hooks/passwordRules'
import { hideAccountLock, uniformLoginFailures } from './hooks/uniformLoginFailures'

/** An address is for its owner and the admins, not for every colleague. */
const adminOrSelfField: FieldAccess = ({ doc, req: { user } }) =>
  hasRole(user, 'admin') || Boolean(user && doc && sameId(doc.id, user.id))

export const userFields = (): Field[] => [
  { name: 'name', type: 'text', required: true },
  // Merged by Payload into the email field of `auth`: only the address's access changes.
  { name: 'email', type: 'email', access: { read: adminOrSelfField }, required: true },
  {
    name: CURRENT_PASSWORD,
    type: 'text',
    admin: {
      condition: (_data, _siblingData, { user }) => Boolean(user),
      description: `Needed to change your own password (at least ${MIN_PASSWORD_LENGTH} characters).`,
    },
    virtual: true,
  },
  {
    name: 'roles',
    type: 'select',
    access: { create: isAdminField, update: isAdminField },
    defaultValue: ['writer'],
    hasMany: true,
    hooks: { beforeChange: [firstUserIsAdmin] },
    options: roles.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
    required: true,
    saveToJWT: true,
  },
]

/** The rules every newsroom account keeps, whether the collection is the plugin's or the app's. */
export const userHooks = (): NonNullable<CollectionConfig['hooks']> => ({
  afterError: [hideAccountLock],
  beforeOperation: [uniformLoginFailures, passwordRules, guardRoleChanges],
})

export const usersCollection = (): CollectionConfig => ({
  slug: collectionSlugs.users,
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: isAdmin,
    delete: isAdmin,
    read: isStaff,
    update: isAdminOrSelf,
  },
  admin: {
    defaultColumns: ['name', 'email', 'roles'],
    useAsTitle: 'name',
  },
  auth: true,
  fields: userFields(),
  hooks: userHooks(),
})
