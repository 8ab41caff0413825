import type { CollectionConfig } from 'payload'

import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isEditorField, isStaff, isStaffField, serverOwned } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { httpUrlField } from '../../fields/httpUrl'
import { markNamedPeople, releaseNamedPeople } from '../People/hooks/markLivePeople'
import { fillSpeakerFromPerson } from './hooks/fillSpeakerFromPerson'
import { labelQuote } from './hooks/labelQuote'
import { stampVerifiedAt, stampVerifiedBy } from './hooks/stampVerification'

export const quoteMediums = [
  { label: 'Interview', value: 'interview' },
  { label: 'Told another outlet', value: 'told-another-outlet' },
  { label: 'Written decision', value: 'written-decision' },
  { label: 'Letter', value: 'letter' },
  { label: 'Statement', value: 'statement' },
  { label: 'Speech or hearing', value: 'speech' },
]

export const verificationStatuses = [
  { label: 'Unverified', value: 'unverified' },
  { label: 'Verified', value: 'verified' },
  { label: 'Disputed', value: 'disputed' },
]

export const quotesCollection = (): CollectionConfig => ({
  slug: collectionSlugs.quotes,
  access: {
    create: isStaff,
    delete: isEditor,
    read: liveOrStaff,
    update: editorsOnceLive,
  },
  admin: {
    defaultColumns: ['label', 'speaker.name', 'medium', 'verification.status', 'saidAt'],
    group: 'Newsroom',
    listSearchableFields: ['text', 'speaker.name'],
    useAsTitle: 'label',
  },
  hooks: {
    afterChange: [markNamedPeople],
    afterDelete: [releaseNamedPeople],
  },
  fields: [
    inLiveStoryField(),
    {
      name: 'label',
      type: 'text',
      admin: { hidden: true },
      hooks: { beforeChange: [labelQuote] },
    },
    {
      name: 'text',
      type: 'textarea',
      admin: { description: 'Verbatim, without the surrounding quotation marks.' },
      required: true,
    },
    {
      name: 'speaker',
      type: 'group',
      admin: {
        description:
          'Pick the person; name, title and organization are filled in as they stood when it was said, and kept as printed.',
      },
      fields: [
        {
          name: 'person',
          type: 'relationship',
          index: true,
          relationTo: collectionSlugs.people,
        },
        {
          type: 'row',
          fields: [
            {
              name: 'name',
              type: 'text',
              admin: { width: '34%' },
              hooks: { beforeValidate: [fillSpeakerFromPerson('name')] },
              index: true,
              required: true,
              // The server fills the name from the person before it validates; the admin form
              // must let the person alone through.
              validate: (
                value: null | string | undefined,
                { siblingData }: { siblingData: unknown },
              ) =>
                value?.trim() || (siblingData as { person?: unknown } | undefined)?.person
                  ? true
                  : 'Pick the person, or type the speaker’s name as printed.',
            },
            {
              name: 'title',
              type: 'text',
              admin: { width: '33%' },
              hooks: { beforeValidate: [fillSpeakerFromPerson('title')] },
            },
            {
              name: 'organization',
              type: 'text',
              admin: { width: '33%' },
              hooks: { beforeValidate: [fillSpeakerFromPerson('organization')] },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'medium',
          type: 'select',
          admin: { description: 'How the statement was obtained.', width: '34%' },
          defaultValue: 'interview',
          options: quoteMediums,
          required: true,
        },
        {
          name: 'sourceOutlet',
          type: 'text',
          admin: {
            description: 'The outlet it was told to, when not us (e.g. "The Arizona Republic").',
            width: '33%',
          },
        },
        {
          name: 'saidAt',
          type: 'date',
          admin: { width: '33%' },
        },
      ],
    },
    httpUrlField({
      name: 'sourceUrl',
      overrides: { admin: { description: 'Where the statement was published, if anywhere.' } },
    }),
    {
      name: 'verification',
      type: 'group',
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'status',
          type: 'select',
          // Verifying a quote is an editor's call: a writer's value is ignored.
          access: { create: isEditorField, update: isEditorField },
          defaultValue: 'unverified',
          index: true,
          options: verificationStatuses,
          required: true,
        },
        {
          name: 'verifiedBy',
          type: 'relationship',
          access: { create: serverOwned, read: isStaffField, update: serverOwned },
          admin: { readOnly: true },
          hooks: { beforeChange: [stampVerifiedBy] },
          relationTo: collectionSlugs.users,
        },
        {
          name: 'verifiedAt',
          type: 'date',
          access: { create: serverOwned, read: isStaffField, update: serverOwned },
          admin: { readOnly: true },
          hooks: { beforeChange: [stampVerifiedAt] },
        },
        {
          name: 'notes',
          type: 'textarea',
          access: { read: isStaffField },
          admin: { description: 'Internal: never shown to readers or partners.' },
        },
      ],
    },
    {
      name: 'articles',
      type: 'join',
      admin: { description: 'Stories that use this quote.' },
      collection: collectionSlugs.articles,
      on: 'quotes',
    },
  ],
})
