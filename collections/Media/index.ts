import type { CollectionConfig, Field } from 'payload'

import { anyone } from '../../src/access/anyone'
import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive } from '../../src/access/liveRecords'
import { isEditor, isStaff } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'

export const mediaFields = (): Field[] => [
  {
    name: 'alt',
    type: 'text',
    admin: { description: 'Describes the image for readers who cannot see it.' },
    required: true,
  },
  { name: 'caption', type: 'text' },
  { name: 'credit', type: 'text' },
  inLiveStoryField(),
]

export const mediaCollection = (): CollectionConfig => ({
  slug: collectionSlugs.media,
  access: {
    create: isStaff,
    delete: isEditor,
    // Files are served to anyone: a page's images must load without a session.
    read: anyone,
    update: editorsOnceLive,
  },
  admin: { group: 'Newsroom' },
  fields: mediaFields(),
  upload: {
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 800 },
      { name: 'hero', width: 1600 },
    ],
    mimeTypes: ['image/*'],
  },
})
