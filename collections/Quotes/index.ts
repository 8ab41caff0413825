import type { TFunction } from '@payloadcms/translations'
import type { CollectionConfig } from 'payload'

import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isEditorField, isStaff, isStaffField, serverOwned } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { httpUrlField } from '../../fields/httpUrl'
import { perLanguage, translate, translated } from '../../src/translations/translate'
import { markNamedPeople, releaseNamedPeople } from '../People/hooks/markLivePeople'
import { fillSpeakerFromPerson } from './hooks/fillSpeakerFromPerson'
import { labelQuote } from './hooks/labelQuote'
import { logVerification } from './hooks/logVerification'
import { stampVerifiedAt, stampVerifiedBy } from './hooks/stampVerification'

export const quoteMediums = [
  { label: translated('mediumInterview'), value: 'interview' },
  { label: translated('mediumToldAnotherOutlet'), value: 'told-another-outlet' },
  { label: translated('mediumWrittenDecision'), value: 'written-decision' },
  { label: translated('mediumLetter'), value: 'letter' },
  { label: translated('mediumStatement'), value: 'statement' },
  { label: translated('mediumSpeech'), value: 'speech' },
]

export const verificationStatuses = [
  { label: translated('verificationUnverified'), value: 'unverified' },
  { label: translated('verificationVerified'), value: 'verified' },
  { label: translated('verificationDisputed'), value: 'disputed' },
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
    group: perLanguage('adminGroup'),
    listSearchableFields: ['text', 'speaker.name'],
    useAsTitle: 'label',
  },
  labels: { plural: translated('quotePlural'), singular: translated('quoteSingular') },
  hooks: {
    afterChange: [markNamedPeople, logVerification],
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
      admin: { description: translated('quoteTextDescription') },
      label: translated('text'),
      required: true,
    },
    {
      name: 'speaker',
      type: 'group',
      admin: {
        description: translated('speakerDescription'),
      },
      fields: [
        {
          name: 'person',
          type: 'relationship',
          index: true,
          label: translated('person'),
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
              label: translated('name'),
              required: true,
              // The server fills the name from the person before it validates; the admin form
              // must let the person alone through.
              validate: (
                value: null | string | undefined,
                { req, siblingData }: { req?: { t?: TFunction<never> }; siblingData: unknown },
              ) =>
                value?.trim() || (siblingData as { person?: unknown } | undefined)?.person
                  ? true
                  : translate(req?.t, 'speakerNameRequired'),
            },
            {
              name: 'title',
              type: 'text',
              admin: { width: '33%' },
              hooks: { beforeValidate: [fillSpeakerFromPerson('title')] },
              label: translated('title'),
            },
            {
              name: 'organization',
              type: 'text',
              admin: { width: '33%' },
              hooks: { beforeValidate: [fillSpeakerFromPerson('organization')] },
              label: translated('organization'),
            },
          ],
        },
      ],
      label: translated('speaker'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'medium',
          type: 'select',
          admin: { description: translated('mediumDescription'), width: '34%' },
          defaultValue: 'interview',
          label: translated('medium'),
          options: quoteMediums,
          required: true,
        },
        {
          name: 'sourceOutlet',
          type: 'text',
          admin: {
            description: translated('sourceOutletDescription'),
            width: '33%',
          },
          label: translated('sourceOutlet'),
        },
        {
          name: 'saidAt',
          type: 'date',
          admin: { width: '33%' },
          label: translated('saidAt'),
        },
      ],
    },
    httpUrlField({
      name: 'sourceUrl',
      overrides: {
        admin: { description: translated('quoteSourceUrlDescription') },
        label: translated('sourceUrl'),
      },
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
          label: translated('status'),
          options: verificationStatuses,
          required: true,
        },
        {
          name: 'verifiedBy',
          type: 'relationship',
          access: { create: serverOwned, read: isStaffField, update: serverOwned },
          admin: { readOnly: true },
          hooks: { beforeChange: [stampVerifiedBy] },
          label: translated('verifiedBy'),
          relationTo: collectionSlugs.users,
        },
        {
          name: 'verifiedAt',
          type: 'date',
          access: { create: serverOwned, read: isStaffField, update: serverOwned },
          admin: { readOnly: true },
          hooks: { beforeChange: [stampVerifiedAt] },
          label: translated('verifiedAt'),
        },
        {
          name: 'notes',
          type: 'textarea',
          access: { read: isStaffField },
          admin: { description: translated('editorialNotesDescription') },
          label: translated('notes'),
        },
      ],
      label: translated('verification'),
    },
    {
      name: 'articles',
      type: 'join',
      admin: { description: translated('articlesUsingQuoteDescription') },
      collection: collectionSlugs.articles,
      label: translated('articles'),
      on: 'quotes',
    },
  ],
})
