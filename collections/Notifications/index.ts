import type { Access, CollectionConfig } from 'payload'

import { isAdmin, serverOwned } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { perLanguage, translated } from '../../src/translations/translate'
import { emailNotification } from './hooks/emailNotification'

export const notificationKinds = [
  { label: translated('notificationAssigned'), value: 'assigned' },
  { label: translated('notificationSubmitted'), value: 'submitted' },
  { label: translated('notificationMentioned'), value: 'mentioned' },
  { label: translated('notificationQuoteDisputed'), value: 'quote-disputed' },
  { label: translated('notificationPublished'), value: 'published' },
]

/** Each account reads (and marks as read) its own notifications, nobody else's. */
const ownNotifications: Access = ({ req: { user } }) =>
  user ? { recipient: { equals: user.id } } : false

const written = { create: serverOwned, update: serverOwned }

/**
 * What the newsroom tells one of its staff: written by the server's hooks only (no door creates
 * one), read by their recipient only, who may only mark them read. Each is also emailed (see
 * emailNotification) unless the plugin's `notifications` option says otherwise.
 */
export const notificationsCollection = (): CollectionConfig => ({
  slug: collectionSlugs.notifications,
  access: {
    create: () => false,
    delete: isAdmin,
    read: ownNotifications,
    update: ownNotifications,
  },
  admin: {
    defaultColumns: ['message', 'kind', 'read', 'createdAt'],
    group: perLanguage('adminGroup'),
    useAsTitle: 'message',
  },
  defaultSort: '-createdAt',
  hooks: {
    afterChange: [emailNotification],
  },
  labels: {
    plural: translated('notificationPlural'),
    singular: translated('notificationSingular'),
  },
  fields: [
    {
      name: 'recipient',
      type: 'relationship',
      access: written,
      admin: { readOnly: true },
      index: true,
      label: translated('notificationRecipient'),
      relationTo: collectionSlugs.users,
      required: true,
    },
    {
      name: 'kind',
      type: 'select',
      access: written,
      admin: { readOnly: true },
      index: true,
      label: translated('notificationKind'),
      options: notificationKinds,
      required: true,
    },
    {
      name: 'article',
      type: 'relationship',
      access: written,
      admin: { readOnly: true },
      label: translated('articleSingular'),
      relationTo: collectionSlugs.articles,
    },
    {
      name: 'message',
      type: 'text',
      access: written,
      admin: { readOnly: true },
      label: translated('notificationMessage'),
      maxLength: 500,
      required: true,
    },
    {
      name: 'read',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: translated('notificationRead'),
    },
  ],
  // Payload's createdAt is when it was written; the list shows the newest first.
  timestamps: true,
})
