import type { Access, CollectionConfig, Field, FieldAccess } from 'payload'

import type { NewsroomRolesOptions } from '../../src/types'
import type { CanManageRoles } from './access/canManageRoles'

import {
  hasRole,
  isAdmin,
  isAdminOrSelf,
  isStaff,
  PARTNER_ROLE,
  roles,
} from '../../src/access/roles'
import { sameId } from '../../src/utilities/ids'
import { collectionSlugs } from '../../src/collectionSlugs'
import { defaultCanManageRoles } from './access/canManageRoles'
import { adminOnlyUnlock } from './hooks/adminOnlyUnlock'
import { endOtherSessions } from './hooks/endOtherSessions'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { guardRoleChanges } from './hooks/guardRoleChanges'
import { CURRENT_PASSWORD, MIN_PASSWORD_LENGTH, passwordRules } from './hooks/passwordRules'
import { removeNotifications } from './hooks/removeNotifications'
import { hideAccountLock, uniformLoginFailures } from './hooks/uniformLoginFailures'
import { withRolesOf } from './hooks/withRolesOf'
import { translated } from '../../src/translations/translate'

/** An address is for its owner and the admins, not for every colleague. */
const adminOrSelfField: FieldAccess = ({ doc, req: { user } }) =>
  hasRole(user, 'admin') || Boolean(user && doc && sameId(doc.id, user.id))

type UserFieldsOptions = {
  /** Who may set `roles`. */
  canManageRoles: CanManageRoles
  /** The plugin's `roles.of`: roles the site's own data gives a user. */
  rolesOf?: NewsroomRolesOptions['of']
  /**
   * The fields go on the site's own users collection: none is required and `roles` has no
   * default, so the site's code that creates users keeps working and nobody becomes a newsroom
   * member without someone choosing it.
   */
  siteOwned?: boolean
}

export const userFields = ({
  canManageRoles,
  rolesOf,
  siteOwned = false,
}: UserFieldsOptions): Field[] => {
  const mayManageRoles: FieldAccess = ({ req }) => canManageRoles({ req })
  const rolesField: Field = {
    name: 'roles',
    type: 'select',
    access: { create: mayManageRoles, update: mayManageRoles },
    admin: siteOwned ? { description: translated('rolesSiteDescription') } : undefined,
    ...(siteOwned ? {} : { defaultValue: ['writer'] }),
    hasMany: true,
    hooks: {
      afterRead: rolesOf ? [withRolesOf(rolesOf)] : [],
      beforeChange: [firstUserIsAdmin],
    },
    label: translated('roles'),
    options: [
      { label: translated('roleAdmin'), value: 'admin' },
      { label: translated('roleEditor'), value: 'editor' },
      { label: translated('roleWriter'), value: 'writer' },
      // No newsroom role: reads embargoed stories through delivery and ninjs, nothing more.
      { label: translated('rolePartner'), value: PARTNER_ROLE },
    ],
    required: !siteOwned,
    saveToJWT: true,
  }
  if (siteOwned) {
    // The site's own users keep their email field and the rules the site gave it.
    return [{ name: 'name', type: 'text', label: translated('name') }, rolesField]
  }
  return [
    { name: 'name', type: 'text', label: translated('name'), required: true },
    // Merged by Payload into the email field of `auth`: only the address's access changes.
    {
      name: 'email',
      type: 'email',
      access: { read: adminOrSelfField },
      label: translated('email'),
      required: true,
    },
    {
      name: CURRENT_PASSWORD,
      type: 'text',
      admin: {
        condition: (_data, _siblingData, { user }) => Boolean(user),
        description: translated('currentPasswordDescription', { min: MIN_PASSWORD_LENGTH }),
      },
      virtual: true,
    },
    rolesField,
  ]
}

type UserHooksOptions = {
  /**
   * The newsroom's account rules (password length, the current password to change one's own,
   * uniform sign-in failures): always on the plugin's users, on a site's own only when it opts
   * in (`hardening.accounts`).
   */
  accounts: boolean
  /** Who may change roles. */
  canManageRoles: CanManageRoles
}

/** The rules a newsroom account keeps, whether the collection is the plugin's or the app's. */
export const userHooks = ({
  accounts,
  canManageRoles,
}: UserHooksOptions): NonNullable<CollectionConfig['hooks']> => ({
  afterChange: accounts ? [endOtherSessions] : [],
  afterError: accounts ? [hideAccountLock] : [],
  beforeDelete: [removeNotifications],
  beforeOperation: [
    ...(accounts ? [adminOnlyUnlock, uniformLoginFailures, passwordRules] : []),
    guardRoleChanges(canManageRoles),
  ],
})

type UsersCollectionOptions = {
  /** Who may change roles; newsroom admins unless the plugin's `roles.canManage` says. */
  canManageRoles?: CanManageRoles
  /** The plugin's `roles.of`. */
  rolesOf?: NewsroomRolesOptions['of']
}

/** Newsroom admins only, on the plugin's own users collection. */
const adminsManageRoles: CanManageRoles = ({ req }) => hasRole(req.user, 'admin')

export const usersCollection = ({
  canManageRoles = adminsManageRoles,
  rolesOf,
}: UsersCollectionOptions = {}): CollectionConfig => ({
  slug: collectionSlugs.users,
  labels: { plural: translated('userPlural'), singular: translated('userSingular') },
  access: {
    // Partners read through the API with a key; the admin is the newsroom's.
    admin: ({ req: { user } }) => hasRole(user, ...roles),
    create: isAdmin,
    delete: isAdmin,
    read: isStaff,
    update: isAdminOrSelf,
  },
  admin: {
    defaultColumns: ['name', 'email', 'roles'],
    useAsTitle: 'name',
  },
  // Partners (role `partner`) authenticate with an API key: `Authorization: users API-Key …`.
  auth: { useAPIKey: true },
  fields: userFields({ canManageRoles, rolesOf }),
  hooks: userHooks({ accounts: true, canManageRoles }),
})

/** The site's own `access.update` on users, for the default of who may grant roles. */
export const siteCanManageRoles = (
  siteUsers: CollectionConfig,
  canManage: NewsroomRolesOptions['canManage'],
): CanManageRoles =>
  canManage
    ? async ({ req }) => hasRole(req.user, 'admin') || (await canManage({ req }))
    : defaultCanManageRoles(siteUsers.access?.update as Access | undefined)
