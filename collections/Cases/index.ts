import type { CollectionConfig } from 'payload'

import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { httpUrlField } from '../../fields/httpUrl'
import { slugField } from '../../fields/slug'
import { markNamedPeople, releaseNamedPeople } from '../People/hooks/markLivePeople'
import { computePrecedentChain } from './hooks/computePrecedentChain'
import { labelCase } from './hooks/labelCase'
import {
  editorsOverruleLiveCases,
  keepOverruledStatus,
  markOverruledTargets,
} from './hooks/markOverruled'

export const caseStatuses = [
  { label: 'Good law', value: 'good-law' },
  { label: 'Overruled', value: 'overruled' },
  { label: 'Vacated', value: 'vacated' },
  { label: 'Superseded', value: 'superseded' },
  { label: 'Pending', value: 'pending' },
]

export const partyRoles = [
  { label: 'Claimant', value: 'claimant' },
  { label: 'Counsel', value: 'counsel' },
  { label: 'Judge or deciding official', value: 'judge' },
  { label: 'Other', value: 'other' },
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
    group: 'Newsroom',
    listSearchableFields: ['caption', 'citation', 'claimant', 'counsel'],
    useAsTitle: 'label',
  },
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
      admin: { description: 'As the case is known, e.g. "Matter of A-R-C-G-".' },
      required: true,
    },
    slugField({ useAsSlug: 'caption' }),
    {
      type: 'row',
      fields: [
        {
          name: 'citation',
          type: 'text',
          admin: { description: 'e.g. "26 I&N Dec. 388 (BIA 2014)"', width: '50%' },
        },
        {
          name: 'decidedBy',
          type: 'text',
          admin: {
            description: 'e.g. "Board of Immigration Appeals", "Attorney General".',
            width: '50%',
          },
          index: true,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'decidedAt', type: 'date', admin: { width: '34%' }, index: true },
        { name: 'country', type: 'text', admin: { width: '33%' } },
        { name: 'issue', type: 'text', admin: { width: '33%' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'claimant',
          type: 'text',
          admin: { description: 'As printed; the person goes under Parties.', width: '50%' },
        },
        {
          name: 'counsel',
          type: 'text',
          admin: { description: 'As printed; the person goes under Parties.', width: '50%' },
        },
      ],
    },
    {
      name: 'parties',
      type: 'array',
      admin: {
        description:
          'The people involved, where known: each links to their page, and their page lists the case.',
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
              options: partyRoles,
              required: true,
            },
            {
              name: 'person',
              type: 'relationship',
              admin: { width: '70%' },
              index: true,
              relationTo: collectionSlugs.people,
              required: true,
            },
          ],
        },
      ],
    },
    {
      name: 'holding',
      type: 'textarea',
      admin: { description: 'What the case decided, in a sentence or two.' },
    },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'good-law',
      index: true,
      options: caseStatuses,
      required: true,
    },
    {
      name: 'statusSetByEditor',
      type: 'checkbox',
      admin: {
        description:
          'Keep the status as set here, even when another case overrules this one (e.g. the overruling decision was itself vacated).',
        position: 'sidebar',
      },
      defaultValue: false,
    },
    {
      name: 'statusNote',
      type: 'textarea',
      admin: { description: 'How the status came about, for readers.', position: 'sidebar' },
    },
    {
      name: 'follows',
      type: 'relationship',
      admin: { description: 'Earlier cases this decision builds on.' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      hasMany: true,
      relationTo: collectionSlugs.cases,
    },
    {
      name: 'overrules',
      type: 'relationship',
      admin: { description: 'Earlier cases this decision overrules or vacates.' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      hasMany: true,
      relationTo: collectionSlugs.cases,
    },
    {
      name: 'overruledBy',
      type: 'join',
      admin: { description: 'Later cases that overrule this one.' },
      collection: collectionSlugs.cases,
      defaultSort: 'decidedAt',
      on: 'overrules',
    },
    {
      name: 'precedentChain',
      type: 'json',
      admin: {
        description: 'The line of precedent this case sits in, oldest first.',
        readOnly: true,
      },
      hooks: { afterRead: [computePrecedentChain] },
      virtual: true,
    },
    {
      name: 'sourceDocuments',
      type: 'array',
      fields: [{ name: 'label', type: 'text', required: true }, httpUrlField({ required: true })],
    },
    {
      name: 'citedIn',
      type: 'join',
      admin: { description: 'Stories that cite this case.' },
      collection: collectionSlugs.articles,
      on: 'cases',
    },
  ],
})
