import type { CollectionConfig } from 'payload'

import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { httpUrlField } from '../../fields/httpUrl'
import { slugField } from '../../fields/slug'
import { perLanguage, translated } from '../../src/translations/translate'
import { markNamedPeople, releaseNamedPeople } from '../People/hooks/markLivePeople'
import { computePrecedentChain } from './hooks/computePrecedentChain'
import { labelCase } from './hooks/labelCase'
import {
  editorsOverruleLiveCases,
  keepOverruledStatus,
  markOverruledTargets,
} from './hooks/markOverruled'

export const caseStatuses = [
  { label: translated('caseStatusGoodLaw'), value: 'good-law' },
  { label: translated('caseStatusOverruled'), value: 'overruled' },
  { label: translated('caseStatusVacated'), value: 'vacated' },
  { label: translated('caseStatusSuperseded'), value: 'superseded' },
  { label: translated('caseStatusPending'), value: 'pending' },
]

export const partyRoles = [
  { label: translated('partyRoleClaimant'), value: 'claimant' },
  { label: translated('partyRoleCounsel'), value: 'counsel' },
  { label: translated('partyRoleJudge'), value: 'judge' },
  { label: translated('partyRoleOther'), value: 'other' },
]

export const casesCollection = (): CollectionConfig => ({
  slug: collectionSlugs.cases,
  access: {
    create: isStaff,
    delete: isEditor,
    read: liveOrStaff,
    update: editorsOnceLive,
  },
  admin: {
    defaultColumns: ['label', 'decidedBy', 'decidedAt', 'status'],
    group: perLanguage('adminGroup'),
    listSearchableFields: ['caption', 'citation', 'claimant', 'counsel'],
    useAsTitle: 'label',
  },
  labels: { plural: translated('casePlural'), singular: translated('caseSingular') },
  defaultSort: 'decidedAt',
  hooks: {
    afterChange: [markOverruledTargets, markNamedPeople],
    afterDelete: [releaseNamedPeople],
    beforeChange: [editorsOverruleLiveCases, keepOverruledStatus],
  },
  fields: [
    inLiveStoryField(),
    {
      name: 'label',
      type: 'text',
      admin: { hidden: true },
      hooks: { beforeChange: [labelCase] },
    },
    {
      name: 'caption',
      type: 'text',
      admin: { description: translated('captionDescription') },
      label: translated('caption'),
      required: true,
    },
    slugField({ useAsSlug: 'caption' }),
    {
      type: 'row',
      fields: [
        {
          name: 'citation',
          type: 'text',
          admin: { description: translated('citationDescription'), width: '50%' },
          label: translated('citation'),
        },
        {
          name: 'decidedBy',
          type: 'text',
          admin: {
            description: translated('decidedByDescription'),
            width: '50%',
          },
          index: true,
          label: translated('decidedBy'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'decidedAt',
          type: 'date',
          admin: { width: '34%' },
          index: true,
          label: translated('decidedAt'),
        },
        { name: 'country', type: 'text', admin: { width: '33%' }, label: translated('country') },
        { name: 'issue', type: 'text', admin: { width: '33%' }, label: translated('issue') },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'claimant',
          type: 'text',
          admin: { description: translated('partyAsPrintedDescription'), width: '50%' },
          label: translated('claimant'),
        },
        {
          name: 'counsel',
          type: 'text',
          admin: { description: translated('partyAsPrintedDescription'), width: '50%' },
          label: translated('counsel'),
        },
      ],
    },
    {
      name: 'parties',
      type: 'array',
      admin: {
        description: translated('partiesDescription'),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'role',
              type: 'select',
              admin: { width: '30%' },
              defaultValue: 'claimant',
              label: translated('role'),
              options: partyRoles,
              required: true,
            },
            {
              name: 'person',
              type: 'relationship',
              admin: { width: '70%' },
              index: true,
              label: translated('person'),
              relationTo: collectionSlugs.people,
              required: true,
            },
          ],
        },
      ],
      label: translated('parties'),
      labels: { plural: translated('parties'), singular: translated('partySingular') },
    },
    {
      name: 'holding',
      type: 'textarea',
      admin: { description: translated('holdingDescription') },
      label: translated('holding'),
    },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'good-law',
      index: true,
      label: translated('status'),
      options: caseStatuses,
      required: true,
    },
    {
      name: 'statusSetByEditor',
      type: 'checkbox',
      admin: {
        description: translated('statusSetByEditorDescription'),
        position: 'sidebar',
      },
      defaultValue: false,
      label: translated('statusSetByEditor'),
    },
    {
      name: 'statusNote',
      type: 'textarea',
      admin: { description: translated('statusNoteDescription'), position: 'sidebar' },
      label: translated('statusNote'),
    },
    {
      name: 'follows',
      type: 'relationship',
      admin: { description: translated('followsDescription') },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      hasMany: true,
      label: translated('follows'),
      relationTo: collectionSlugs.cases,
    },
    {
      name: 'overrules',
      type: 'relationship',
      admin: { description: translated('overrulesDescription') },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      hasMany: true,
      label: translated('overrules'),
      relationTo: collectionSlugs.cases,
    },
    {
      name: 'overruledBy',
      type: 'join',
      admin: { description: translated('overruledByDescription') },
      collection: collectionSlugs.cases,
      defaultSort: 'decidedAt',
      label: translated('overruledBy'),
      on: 'overrules',
    },
    {
      name: 'precedentChain',
      type: 'json',
      admin: {
        description: translated('precedentChainDescription'),
        readOnly: true,
      },
      hooks: { afterRead: [computePrecedentChain] },
      label: translated('precedentChain'),
      virtual: true,
    },
    {
      name: 'sourceDocuments',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', label: translated('label'), required: true },
        httpUrlField({ overrides: { label: translated('url') }, required: true }),
      ],
      label: translated('sourceDocumentPlural'),
      labels: {
        plural: translated('sourceDocumentPlural'),
        singular: translated('sourceDocumentSingular'),
      },
    },
    {
      name: 'citedIn',
      type: 'join',
      admin: { description: translated('citedInDescription') },
      collection: collectionSlugs.articles,
      label: translated('citedIn'),
      on: 'cases',
    },
  ],
})
