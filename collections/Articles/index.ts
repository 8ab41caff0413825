import type { CollectionConfig } from 'payload'

import type { NewsroomRating } from '../../src/types'
import { DEFAULT_RATINGS } from '../../src/factChecks'

import { editorsOrNeverPublished } from '../../src/access/editorsOrNeverPublished'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { canPublish, isStaff, isStaffField } from '../../src/access/roles'
import { clientComponent } from '../../src/packageName'
import { collectionSlugs } from '../../src/collectionSlugs'
import { bylinesField } from '../../fields/bylines'
import { correctionsField } from '../../fields/corrections'
import { factCheckField } from '../../fields/factCheck'
import { publishingDatesFields } from '../../fields/publishingDates'
import { slugField } from '../../fields/slug'
import { articleBodyEditor } from './bodyEditor'
import { relatedSuggestionsEndpoint } from './endpoints/relatedSuggestions'
import { computeQuoteChecks } from './hooks/computeQuoteChecks'
import { guardCorrections } from './hooks/guardCorrections'
import { guardPublishing } from './hooks/guardPublishing'
import { keepLiveStatus } from './hooks/keepLiveStatus'
import { lockShownRecords } from './hooks/lockShownRecords'
import {
  markLiveRecords,
  releaseLiveRecords,
  rememberLiveReferences,
} from './hooks/markLiveRecords'
import { redirectChangedSlug, rememberLiveSlug } from './hooks/redirectChangedSlug'
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
  /** The fact-check rating scale. @default DEFAULT_RATINGS */
  ratings?: NewsroomRating[]
  /** Whether old URLs redirect (the plugin's `redirects`): only then may editors change a live slug. */
  redirects?: boolean
}

export const articlesCollection = ({
  maxRelatedCoverage,
  ratings = DEFAULT_RATINGS,
  redirects = true,
}: ArticlesOptions): CollectionConfig => ({
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
    afterChange: [markLiveRecords, redirectChangedSlug],
    afterDelete: [releaseLiveRecords],
    beforeChange: [
      keepLiveStatus,
      guardPublishing,
      guardCorrections,
      syncSourcesFromBody,
      refuseDisputedQuotes,
      rememberLiveReferences,
      rememberLiveSlug,
      // Last, once the story's references are final, and still before anything is written.
      lockShownRecords,
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
    // Once published, only editors change the slug, and only where the old URL then redirects.
    slugField({
      lockAfter: 'firstPublishedAt',
      unlockFor: redirects ? canPublish : undefined,
      useAsSlug: 'headline',
    }),
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Story',
          fields: [
            bylinesField({
              authorsCollection: collectionSlugs.users,
              peopleCollection: collectionSlugs.people,
            }),
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
          label: 'Fact check',
          fields: [factCheckField({ ratings })],
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
      type: 'relationship',
      admin: { description: 'The desk the story runs under.', position: 'sidebar' },
      index: true,
      relationTo: collectionSlugs.sections,
    },
    {
      name: 'topics',
      type: 'relationship',
      admin: { description: 'What the story is about.', position: 'sidebar' },
      hasMany: true,
      relationTo: collectionSlugs.topics,
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
