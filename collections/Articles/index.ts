import type { CollectionConfig } from 'payload'

import { editorsOrNeverPublished } from '../../src/access/editorsOrNeverPublished'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { isStaff, isStaffField } from '../../src/access/roles'
import { clientComponent } from '../../src/packageName'
import { collectionSlugs } from '../../src/collectionSlugs'
import { bylinesField } from '../../fields/bylines'
import { correctionsField } from '../../fields/corrections'
import { publishingDatesFields } from '../../fields/publishingDates'
import { slugField } from '../../fields/slug'
import { articleBodyEditor } from './bodyEditor'
import { relatedSuggestionsEndpoint } from './endpoints/relatedSuggestions'
import { computeQuoteChecks } from './hooks/computeQuoteChecks'
import { guardCorrections } from './hooks/guardCorrections'
import { guardPublishing } from './hooks/guardPublishing'
import { keepLiveStatus } from './hooks/keepLiveStatus'
import {
  markLiveRecords,
  releaseLiveRecords,
  rememberLiveReferences,
} from './hooks/markLiveRecords'
import { refuseDisputedQuotes } from './hooks/refuseDisputedQuotes'
import { rememberDraftSave } from './hooks/rememberDraftSave'
import { syncSourcesFromBody } from './hooks/syncSourcesFromBody'
import { validateRelatedCoverage } from './validations/validateRelatedCoverage'

export const editorialStages = [
  { label: 'Pitch', value: 'pitch' },
  { label: 'Drafting', value: 'drafting' },
  { label: 'Editing', value: 'editing' },
  { label: 'Copy desk', value: 'copy-desk' },
  { label: 'Ready', value: 'ready' },
  // Out to readers: the desk's last stage, for stories already published.
  { label: 'Published', value: 'published' },
]

type ArticlesOptions = {
  /** Most items allowed under "Related coverage". */
  maxRelatedCoverage: number
}

export const articlesCollection = ({ maxRelatedCoverage }: ArticlesOptions): CollectionConfig => ({
  slug: collectionSlugs.articles,
  access: {
    create: isStaff,
    delete: editorsOrNeverPublished,
    read: publishedOrStaff,
    readVersions: isStaff,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['headline', 'stage', '_status', 'publishedAt', 'updatedAt'],
    group: 'Newsroom',
    listSearchableFields: ['headline', 'dek', 'slug'],
    useAsTitle: 'headline',
  },
  defaultSort: '-publishedAt',
  endpoints: [relatedSuggestionsEndpoint],
  // The site's reads: the latest published stories, newest first.
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  hooks: {
    afterChange: [markLiveRecords],
    afterDelete: [releaseLiveRecords],
    beforeChange: [
      keepLiveStatus,
      guardPublishing,
      guardCorrections,
      syncSourcesFromBody,
      refuseDisputedQuotes,
      rememberLiveReferences,
    ],
    beforeOperation: [rememberDraftSave],
  },
  fields: [
    {
      name: 'headline',
      type: 'text',
      maxLength: 300,
      required: true,
    },
    {
      name: 'dek',
      type: 'textarea',
      admin: { description: 'The subheadline: one or two sentences under the headline.' },
      maxLength: 600,
    },
    slugField({ lockAfter: 'firstPublishedAt', useAsSlug: 'headline' }),
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Story',
          fields: [
            bylinesField({ authorsCollection: collectionSlugs.users }),
            {
              name: 'dateline',
              type: 'text',
              admin: { description: 'Where the story was reported from, e.g. "WASHINGTON".' },
            },
            {
              name: 'hero',
              type: 'group',
              fields: [
                { name: 'image', type: 'upload', relationTo: collectionSlugs.media },
                {
                  type: 'row',
                  fields: [
                    { name: 'caption', type: 'text', admin: { width: '66%' } },
                    { name: 'credit', type: 'text', admin: { width: '34%' } },
                  ],
                },
              ],
            },
            { name: 'body', type: 'richText', editor: articleBodyEditor() },
          ],
        },
        {
          label: 'Sources',
          fields: [
            {
              name: 'quotes',
              type: 'relationship',
              admin: { description: 'The quoted statements this story uses.' },
              hasMany: true,
              relationTo: collectionSlugs.quotes,
            },
            {
              name: 'quoteChecks',
              type: 'json',
              access: { read: isStaffField },
              admin: {
                components: { Field: clientComponent('QuoteChecks') },
                description:
                  'For each linked quote: its verification, and whether its words still appear verbatim in the body or a pull quote.',
                readOnly: true,
              },
              hooks: { afterRead: [computeQuoteChecks] },
              virtual: true,
            },
            {
              name: 'cases',
              type: 'relationship',
              admin: { description: 'The legal cases this story explains or cites.' },
              hasMany: true,
              relationTo: collectionSlugs.cases,
            },
          ],
        },
        {
          label: 'Related coverage',
          fields: [
            {
              name: 'relatedCoverage',
              type: 'relationship',
              admin: {
                description: `Shown under the story in this order (drag to reorder); at most ${maxRelatedCoverage}.`,
                isSortable: true,
              },
              hasMany: true,
              maxRows: maxRelatedCoverage,
              relationTo: collectionSlugs.relatedStories,
              validate: validateRelatedCoverage,
            },
            {
              name: 'relatedSuggestions',
              type: 'ui',
              admin: {
                components: { Field: clientComponent('RelatedSuggestions') },
              },
            },
          ],
        },
        {
          label: 'Corrections',
          fields: [correctionsField()],
        },
      ],
    },
    {
      name: 'stage',
      type: 'select',
      admin: {
        description: 'Where the story is on the desk; separate from draft and published.',
        position: 'sidebar',
      },
      defaultValue: 'drafting',
      index: true,
      options: editorialStages,
      required: true,
    },
    {
      name: 'editorialNotes',
      type: 'textarea',
      access: { read: isStaffField },
      admin: { description: 'Internal: never shown to readers or partners.', position: 'sidebar' },
    },
    {
      name: 'section',
      type: 'text',
      admin: { position: 'sidebar' },
      index: true,
    },
    {
      name: 'topics',
      type: 'text',
      admin: { position: 'sidebar' },
      hasMany: true,
    },
    ...publishingDatesFields(),
  ],
  versions: {
    drafts: {
      autosave: { interval: 2000 },
      schedulePublish: true,
    },
    maxPerDoc: 50,
  },
})
