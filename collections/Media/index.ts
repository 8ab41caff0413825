import type { CollectionConfig, Field } from 'payload'

import { anyone } from '../../src/access/anyone'
import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive } from '../../src/access/liveRecords'
import { isEditor, isStaff } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { perLanguage, translated } from '../../src/translations/translate'

export const mediaFields = (): Field[] => [
  {
    name: 'alt',
    type: 'text',
    admin: { description: translated('altDescription') },
    label: translated('alt'),
    required: true,
  },
  { name: 'caption', type: 'text', label: translated('caption') },
  { name: 'credit', type: 'text', label: translated('credit') },
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
  admin: { group: perLanguage('adminGroup') },
  fields: mediaFields(),
  labels: { plural: translated('mediaPlural'), singular: translated('mediaSingular') },
  upload: {
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 800 },
      { name: 'hero', width: 1600 },
    ],
    mimeTypes: ['image/*'],
  },
})
