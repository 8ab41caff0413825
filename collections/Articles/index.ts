import type { CollectionConfig } from 'payload'

import type { NewsroomRating } from '../../src/types'
import { DEFAULT_RATINGS } from '../../src/factChecks'

import { editorsOrNeverPublished } from '../../src/access/editorsOrNeverPublished'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { canPublish, isStaff, isStaffField } from '../../src/access/roles'
import { clientComponent } from '../../src/packageName'
import { collectionSlugs } from '../../src/collectionSlugs'
import { scheduleEmbargoLift } from '../../src/embargo/liftEmbargo'
import { perLanguage, translated } from '../../src/translations/translate'
import { assignmentField } from '../../fields/assignment'
import { bylinesField } from '../../fields/bylines'
import { embargoField } from '../../fields/embargo'
import { correctionsField } from '../../fields/corrections'
import { factCheckField } from '../../fields/factCheck'
import { publishingDatesFields } from '../../fields/publishingDates'
import { slugField } from '../../fields/slug'
import { articleBodyEditor } from './bodyEditor'
import { relatedSuggestionsEndpoint } from './endpoints/relatedSuggestions'
import { restoreVersionEndpoint } from './endpoints/restoreVersion'
import { computeQuoteChecks } from './hooks/computeQuoteChecks'
import { guardCorrections } from './hooks/guardCorrections'
import { followStage } from './hooks/followStage'
import { guardPublishing } from './hooks/guardPublishing'
import { keepLiveStatus } from './hooks/keepLiveStatus'
import { lockShownRecords } from './hooks/lockShownRecords'
import { logArticleActivity, rememberWasLive } from './hooks/logArticleActivity'
import {
  markLiveRecords,
  releaseLiveRecords,
  rememberLiveReferences,
} from './hooks/markLiveRecords'
import { redirectChangedSlug, rememberLiveSlug } from './hooks/redirectChangedSlug'
import { refuseDisputedQuotes } from './hooks/refuseDisputedQuotes'
import { rememberDraftSave } from './hooks/rememberDraftSave'
import { removeDiscussion } from './hooks/removeDiscussion'
import { restoreAsDraft } from './hooks/restoreAsDraft'
import { syncBodyImages } from './hooks/syncBodyImages'
import { syncSourcesFromBody } from './hooks/syncSourcesFromBody'
import { validateRelatedCoverage } from './validations/validateRelatedCoverage'

export const editorialStages = [
  { label: translated('stagePitch'), value: 'pitch' },
  { label: translated('stageDrafting'), value: 'drafting' },
  { label: translated('stageEditing'), value: 'editing' },
  { label: translated('stageCopyDesk'), value: 'copy-desk' },
  { label: translated('stageReady'), value: 'ready' },
  // Out to readers: the desk's last stage, for stories already published.
  { label: translated('stagePublished'), value: 'published' },
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
    // A writer submits for review instead of publishing (see ArticlePublishButton).
    components: { edit: { PublishButton: clientComponent('ArticlePublishButton') } },
    defaultColumns: ['headline', 'stage', '_status', 'embargoUntil', 'publishedAt', 'updatedAt'],
    group: perLanguage('adminGroup'),
    listSearchableFields: ['headline', 'dek', 'slug'],
    useAsTitle: 'headline',
  },
  defaultSort: '-publishedAt',
  endpoints: [relatedSuggestionsEndpoint, restoreVersionEndpoint],
  labels: { plural: translated('articlePlural'), singular: translated('articleSingular') },
  // The site's reads: the latest published stories, newest first.
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  hooks: {
    // Last: the log records the change as it was made (see logArticleActivity).
    afterChange: [markLiveRecords, redirectChangedSlug, scheduleEmbargoLift, logArticleActivity],
    afterDelete: [releaseLiveRecords],
    beforeDelete: [removeDiscussion],
    beforeChange: [
      restoreAsDraft,
      rememberWasLive,
      keepLiveStatus,
      guardPublishing,
      followStage,
      guardCorrections,
      syncSourcesFromBody,
      syncBodyImages,
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
      label: translated('headline'),
      maxLength: 300,
      required: true,
    },
    {
      name: 'dek',
      type: 'textarea',
      admin: { description: translated('dekDescription') },
      label: translated('dek'),
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
          label: translated('tabStory'),
          fields: [
            bylinesField({
              authorsCollection: collectionSlugs.users,
              peopleCollection: collectionSlugs.people,
            }),
            {
              name: 'dateline',
              type: 'text',
              admin: { description: translated('datelineDescription') },
              label: translated('dateline'),
            },
            {
              name: 'hero',
              type: 'group',
              fields: [
                {
                  name: 'image',
                  type: 'upload',
                  label: translated('image'),
                  relationTo: collectionSlugs.media,
                },
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'caption',
                      type: 'text',
                      admin: { width: '66%' },
                      label: translated('caption'),
                    },
                    {
                      name: 'credit',
                      type: 'text',
                      admin: { width: '34%' },
                      label: translated('credit'),
                    },
                  ],
                },
              ],
              label: translated('hero'),
            },
            {
              name: 'body',
              type: 'richText',
              editor: articleBodyEditor(),
              label: translated('body'),
            },
            {
              // Set by the server from the body (syncBodyImages), for the images' live flags.
              name: 'bodyImages',
              type: 'relationship',
              access: { create: () => false, update: () => false },
              admin: { hidden: true },
              hasMany: true,
              label: translated('bodyImages'),
              relationTo: collectionSlugs.media,
            },
          ],
        },
        {
          label: translated('tabSources'),
          fields: [
            {
              name: 'quotes',
              type: 'relationship',
              admin: { description: translated('quotesDescription') },
              hasMany: true,
              label: translated('quotes'),
              relationTo: collectionSlugs.quotes,
            },
            {
              name: 'quoteChecks',
              type: 'json',
              access: { read: isStaffField },
              admin: {
                components: { Field: clientComponent('QuoteChecks') },
                description: translated('quoteChecksDescription'),
                readOnly: true,
              },
              hooks: { afterRead: [computeQuoteChecks] },
              label: translated('quoteChecks'),
              virtual: true,
            },
            {
              name: 'cases',
              type: 'relationship',
              admin: { description: translated('casesDescription') },
              hasMany: true,
              label: translated('cases'),
              relationTo: collectionSlugs.cases,
            },
          ],
        },
        {
          label: translated('tabRelatedCoverage'),
          fields: [
            {
              name: 'relatedCoverage',
              type: 'relationship',
              admin: {
                description: translated('relatedCoverageDescription', { max: maxRelatedCoverage }),
                isSortable: true,
              },
              hasMany: true,
              label: translated('relatedCoverage'),
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
          label: translated('tabFactCheck'),
          fields: [factCheckField({ ratings })],
        },
        {
          label: translated('tabCorrections'),
          fields: [correctionsField()],
        },
        {
          label: translated('tabAssignment'),
          fields: [assignmentField({ usersCollection: collectionSlugs.users })],
        },
        {
          // The desk's threads on the story (editorial comments): staff only, like the
          // comments themselves. The join stays for REST and GraphQL; the admin shows it as
          // threads to comment, reply and resolve in, not as the join's flat table.
          label: translated('tabDiscussion'),
          fields: [
            {
              name: 'discussion',
              type: 'join',
              access: { read: isStaffField },
              admin: {
                components: { Field: clientComponent('EditorialDiscussion') },
                description: translated('discussionDescription'),
              },
              collection: collectionSlugs.editorialComments,
              defaultLimit: 50,
              defaultSort: 'createdAt',
              label: translated('discussion'),
              on: 'article',
            },
          ],
        },
      ],
    },
    {
      name: 'stage',
      type: 'select',
      admin: {
        description: translated('stageDescription'),
        position: 'sidebar',
      },
      defaultValue: 'drafting',
      // A copy of a live story is a new draft, back at the start of the desk (followStage
      // refuses "published" on anything not being published).
      hooks: { beforeDuplicate: [() => 'drafting'] },
      index: true,
      label: translated('stage'),
      options: editorialStages,
      required: true,
    },
    embargoField(),
    {
      name: 'editorialNotes',
      type: 'textarea',
      access: { read: isStaffField },
      admin: { description: translated('editorialNotesDescription'), position: 'sidebar' },
      label: translated('editorialNotes'),
    },
    {
      name: 'section',
      type: 'relationship',
      admin: { description: translated('sectionDescription'), position: 'sidebar' },
      index: true,
      label: translated('section'),
      relationTo: collectionSlugs.sections,
    },
    {
      name: 'topics',
      type: 'relationship',
      admin: { description: translated('articleTopicsDescription'), position: 'sidebar' },
      hasMany: true,
      label: translated('topics'),
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
