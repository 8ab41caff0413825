import type { CollectionConfig } from 'payload'

import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { httpUrlField } from '../../fields/httpUrl'
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
    description: 'Links shown under a story: one of our articles, or a story elsewhere.',
    group: 'Newsroom',
    listSearchableFields: ['headline', 'dek', 'outlet'],
    useAsTitle: 'headline',
  },
  hooks: { beforeValidate: [fillFromTargetArticle] },
  fields: [
    inLiveStoryField(),
    {
      name: 'headline',
      type: 'text',
      admin: {
        description: 'Left empty for one of our articles, it takes that article’s headline.',
      },
      maxLength: 300,
      required: true,
    },
    { name: 'dek', type: 'textarea', maxLength: 600 },
    {
      type: 'row',
      fields: [
        {
          name: 'article',
          type: 'relationship',
          admin: { description: 'Our own story…', width: '50%' },
          relationTo: collectionSlugs.articles,
          validate: validateArticleTarget,
        },
        httpUrlField({
          overrides: {
            admin: { description: '…or a story elsewhere (http or https).', width: '50%' },
            validate: validateUrlTarget,
          },
        }),
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'outlet', type: 'text', admin: { width: '50%' } },
        { name: 'publishedAt', type: 'date', admin: { width: '50%' } },
      ],
    },
    { name: 'thumbnail', type: 'upload', relationTo: collectionSlugs.media },
    {
      name: 'listedIn',
      type: 'join',
      admin: { description: 'Stories that list this under related coverage.' },
      collection: collectionSlugs.articles,
      on: 'relatedCoverage',
    },
  ],
})
