import type { CollectionConfig } from 'payload'

import { authenticated } from '../../src/access/authenticated'
import { publishedOrAuthenticated } from '../../src/access/publishedOrAuthenticated'
import { collectionSlugs } from '../../src/collectionSlugs'
import { bylinesField } from '../../fields/bylines'
import { correctionsField } from '../../fields/corrections'
import { publishingDatesFields } from '../../fields/publishingDates'
import { slugField } from '../../fields/slug'
import { validateRelatedCoverage } from './validations/validateRelatedCoverage'

type ArticlesOptions = {
  /** Most items allowed under "Related coverage". */
  maxRelatedCoverage: number
}

export const articlesCollection = ({ maxRelatedCoverage }: ArticlesOptions): CollectionConfig => ({
  slug: collectionSlugs.articles,
  access: {
    create: authenticated,
    delete: authenticated,
    read: publishedOrAuthenticated,
    readVersions: authenticated,
    update: authenticated,
  },
  admin: {
    defaultColumns: ['headline', '_status', 'publishedAt', 'updatedAt'],
    group: 'Newsroom',
    listSearchableFields: ['headline', 'dek', 'slug'],
    useAsTitle: 'headline',
  },
  defaultSort: '-publishedAt',
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
            { name: 'body', type: 'richText' },
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
                description: `Shown under the story in this order; at most ${maxRelatedCoverage}.`,
              },
              hasMany: true,
              maxRows: maxRelatedCoverage,
              relationTo: collectionSlugs.relatedStories,
              validate: validateRelatedCoverage,
            },
          ],
        },
        {
          label: 'Corrections',
          fields: [correctionsField()],
        },
        {
          name: 'seo',
          label: 'SEO',
          fields: [
            { name: 'title', type: 'text', maxLength: 300 },
            { name: 'description', type: 'textarea', maxLength: 600 },
          ],
        },
      ],
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
