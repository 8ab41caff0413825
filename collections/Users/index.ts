import type { CollectionConfig, Field } from 'payload'

import { isAdmin, isAdminField, isAdminOrSelf, isStaff, roles } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { guardRoleChanges } from './hooks/guardRoleChanges'

export const userFields = (): Field[] => [
  { name: 'name', type: 'text', required: true },
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
  hooks: { beforeOperation: [guardRoleChanges] },
})
