import type { CollectionConfig } from 'payload'

import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { httpUrlField } from '../../fields/httpUrl'
import { perLanguage, translated } from '../../src/translations/translate'
import { fillFromTargetArticle } from './hooks/fillFromTargetArticle'
import { validateArticleTarget, validateUrlTarget } from './validations/validateTarget'

export const relatedStoriesCollection = (): CollectionConfig => ({
  slug: collectionSlugs.relatedStories,
  access: {
    create: isStaff,
    delete: isEditor,
    read: liveOrStaff,
    update: editorsOnceLive,
  },
  admin: {
    defaultColumns: ['headline', 'outlet', 'url', 'article', 'publishedAt'],
    description: translated('relatedStoriesDescription'),
    group: perLanguage('adminGroup'),
    listSearchableFields: ['headline', 'dek', 'outlet'],
    useAsTitle: 'headline',
  },
  hooks: { beforeValidate: [fillFromTargetArticle] },
  labels: {
    plural: translated('relatedStoryPlural'),
    singular: translated('relatedStorySingular'),
  },
  fields: [
    inLiveStoryField(),
    {
      name: 'headline',
      type: 'text',
      admin: {
        description: translated('relatedHeadlineDescription'),
      },
      label: translated('headline'),
      maxLength: 300,
      required: true,
    },
    { name: 'dek', type: 'textarea', label: translated('dek'), maxLength: 600 },
    {
      type: 'row',
      fields: [
        {
          name: 'article',
          type: 'relationship',
          admin: { description: translated('articleTargetDescription'), width: '50%' },
          label: translated('article'),
          relationTo: collectionSlugs.articles,
          validate: validateArticleTarget,
        },
        httpUrlField({
          overrides: {
            admin: { description: translated('urlTargetDescription'), width: '50%' },
            label: translated('url'),
            validate: validateUrlTarget,
          },
        }),
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'outlet', type: 'text', admin: { width: '50%' }, label: translated('outlet') },
        {
          name: 'publishedAt',
          type: 'date',
          admin: { width: '50%' },
          label: translated('publishedAt'),
        },
      ],
    },
    {
      name: 'thumbnail',
      type: 'upload',
      label: translated('thumbnail'),
      relationTo: collectionSlugs.media,
    },
    {
      name: 'listedIn',
      type: 'join',
      admin: { description: translated('listedInDescription') },
      collection: collectionSlugs.articles,
      label: translated('listedIn'),
      on: 'relatedCoverage',
    },
  ],
})
