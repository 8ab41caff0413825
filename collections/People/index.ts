import type { CollectionConfig } from 'payload'

import { httpUrlField } from '../../fields/httpUrl'
import { inLiveStoryField } from '../../fields/inLiveStory'
import { slugField } from '../../fields/slug'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff, isStaffField } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { perLanguage, translated } from '../../src/translations/translate'
import { currentPosition } from './hooks/currentPosition'
import { markPhotos, releasePhoto } from './hooks/markPhotos'

export const personKinds = [
  { label: translated('personKindStaff'), value: 'staff' },
  { label: translated('personKindContributor'), value: 'contributor' },
  { label: translated('personKindSource'), value: 'source' },
]

/**
 * The people stories are by and about: staff and contributors who write them, sources who are
 * quoted, parties to cases, people whose claims are checked. Readers see a person only while a
 * published story shows them (a byline, a quote, a case or a claim), never the internal fields.
 */
export const peopleCollection = (): CollectionConfig => ({
  slug: collectionSlugs.people,
  access: {
    create: isStaff,
    delete: isEditor,
    read: liveOrStaff,
    update: editorsOnceLive,
  },
  admin: {
    defaultColumns: ['name', 'kind', 'currentTitle', 'currentOrganization'],
    group: perLanguage('adminGroup'),
    listSearchableFields: ['name', 'slug'],
    useAsTitle: 'name',
  },
  defaultSort: 'name',
  // GraphQL: `Person`, `People` (Payload would otherwise guess from the slug).
  graphQL: { pluralName: 'People', singularName: 'Person' },
  hooks: { afterChange: [markPhotos], afterDelete: [releasePhoto] },
  labels: { plural: translated('personPlural'), singular: translated('personSingular') },
  fields: [
    inLiveStoryField({
      overrides: {
        admin: { description: translated('inLiveStoryPersonDescription') },
      },
    }),
    { name: 'name', type: 'text', index: true, label: translated('name'), required: true },
    slugField({ useAsSlug: 'name' }),
    {
      name: 'kind',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'source',
      index: true,
      label: translated('kind'),
      options: personKinds,
      required: true,
    },
    {
      // Apart from `kind`: that is the part a record plays in the newsroom (an account, a
      // byline, a source), and an organization plays those too (a court quoted, a wire agency's
      // byline). This says only what readers are told it is: schema.org and ninjs type it by this.
      name: 'isOrganization',
      type: 'checkbox',
      admin: { description: translated('isOrganizationDescription'), position: 'sidebar' },
      defaultValue: false,
      label: translated('isOrganization'),
    },
    {
      name: 'user',
      type: 'relationship',
      // Which account a byline belongs to is the newsroom's business, not readers'.
      access: { read: isStaffField },
      admin: {
        condition: (_, siblingData) => siblingData?.kind === 'staff',
        description: translated('personUserDescription'),
        position: 'sidebar',
      },
      label: translated('user'),
      relationTo: collectionSlugs.users,
    },
    {
      name: 'positions',
      type: 'array',
      admin: {
        description: translated('positionsDescription'),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', type: 'text', admin: { width: '50%' }, label: translated('title') },
            {
              name: 'organization',
              type: 'text',
              admin: { width: '50%' },
              label: translated('organization'),
            },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'from', type: 'date', admin: { width: '50%' }, label: translated('from') },
            {
              name: 'to',
              type: 'date',
              admin: { description: translated('positionToDescription'), width: '50%' },
              label: translated('to'),
            },
          ],
        },
      ],
      label: translated('positionPlural'),
      labels: {
        plural: translated('positionPlural'),
        singular: translated('positionSingular'),
      },
    },
    {
      name: 'currentTitle',
      type: 'text',
      admin: { hidden: true },
      hooks: { afterRead: [currentPosition('title')] },
      virtual: true,
    },
    {
      name: 'currentOrganization',
      type: 'text',
      admin: { hidden: true },
      hooks: { afterRead: [currentPosition('organization')] },
      virtual: true,
    },
    {
      name: 'bio',
      type: 'textarea',
      admin: { description: translated('bioDescription') },
      label: translated('bio'),
    },
    {
      name: 'photo',
      type: 'upload',
      label: translated('photo'),
      relationTo: collectionSlugs.media,
    },
    {
      name: 'links',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'label',
              type: 'text',
              admin: { width: '34%' },
              label: translated('label'),
              required: true,
            },
            httpUrlField({
              overrides: { admin: { width: '66%' }, label: translated('url') },
              required: true,
            }),
          ],
        },
      ],
      label: translated('linkPlural'),
      labels: { plural: translated('linkPlural'), singular: translated('link') },
    },
    {
      name: 'notes',
      type: 'textarea',
      access: { read: isStaffField },
      admin: { description: translated('personNotesDescription') },
      label: translated('notes'),
    },
    {
      name: 'quotes',
      type: 'join',
      admin: { description: translated('personQuotesDescription') },
      collection: collectionSlugs.quotes,
      defaultSort: '-saidAt',
      label: translated('quotes'),
      on: 'speaker.person',
    },
  ],
})
