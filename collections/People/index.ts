import type { CollectionConfig } from 'payload'

import { httpUrlField } from '../../fields/httpUrl'
import { inLiveStoryField } from '../../fields/inLiveStory'
import { slugField } from '../../fields/slug'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff, isStaffField } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { currentPosition } from './hooks/currentPosition'

export const personKinds = [
  { label: 'Staff (has an account)', value: 'staff' },
  { label: 'Contributor', value: 'contributor' },
  { label: 'Source', value: 'source' },
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
    group: 'Newsroom',
    listSearchableFields: ['name', 'slug'],
    useAsTitle: 'name',
  },
  defaultSort: 'name',
  // GraphQL: `Person`, `People` (Payload would otherwise guess from the slug).
  graphQL: { pluralName: 'People', singularName: 'Person' },
  labels: { plural: 'People', singular: 'Person' },
  fields: [
    inLiveStoryField({
      overrides: {
        admin: {
          description:
            'Shown in a published story (byline, quote, case or claim): only editors may change this person.',
        },
      },
    }),
    { name: 'name', type: 'text', index: true, required: true },
    slugField({ useAsSlug: 'name' }),
    {
      name: 'kind',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'source',
      index: true,
      options: personKinds,
      required: true,
    },
    {
      name: 'user',
      type: 'relationship',
      // Which account a byline belongs to is the newsroom's business, not readers'.
      access: { read: isStaffField },
      admin: {
        condition: (_, siblingData) => siblingData?.kind === 'staff',
        description: 'The staff account of this person.',
        position: 'sidebar',
      },
      relationTo: collectionSlugs.users,
    },
    {
      name: 'positions',
      type: 'array',
      admin: {
        description:
          'Titles and organizations over time, latest first; a quote keeps the title it was printed with.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', type: 'text', admin: { width: '50%' } },
            { name: 'organization', type: 'text', admin: { width: '50%' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'from', type: 'date', admin: { width: '50%' } },
            {
              name: 'to',
              type: 'date',
              admin: { description: 'Empty while the position is held.', width: '50%' },
            },
          ],
        },
      ],
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
    { name: 'bio', type: 'textarea', admin: { description: 'A sentence or two, for readers.' } },
    { name: 'photo', type: 'upload', relationTo: collectionSlugs.media },
    {
      name: 'links',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', admin: { width: '34%' }, required: true },
            httpUrlField({ overrides: { admin: { width: '66%' } }, required: true }),
          ],
        },
      ],
    },
    {
      name: 'notes',
      type: 'textarea',
      access: { read: isStaffField },
      admin: {
        description: 'Internal (contact details, how to reach them): never shown to readers.',
      },
    },
    {
      name: 'quotes',
      type: 'join',
      admin: { description: 'What they said, in the quotes collection.' },
      collection: collectionSlugs.quotes,
      defaultSort: '-saidAt',
      on: 'speaker.person',
    },
  ],
})
