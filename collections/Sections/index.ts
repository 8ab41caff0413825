import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isEditor } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { taxonomyFields } from '../../fields/taxonomy'
import { perLanguage, translated } from '../../src/translations/translate'
import { wholeNumberOrEmpty } from './wholeNumberOrEmpty'

/**
 * The site's desks ("National", "World"): a story belongs to one. Public taxonomy, so readers
 * read them all; the desk structure is an editor's decision, so only editors manage them.
 */
export const sectionsCollection = (): CollectionConfig => ({
  slug: collectionSlugs.sections,
  access: {
    create: isEditor,
    delete: isEditor,
    read: anyone,
    update: isEditor,
  },
  admin: {
    defaultColumns: ['name', 'slug', 'navigationPosition', 'updatedAt'],
    description: translated('sectionsDescription'),
    group: perLanguage('adminGroup'),
    useAsTitle: 'name',
  },
  defaultSort: 'name',
  fields: [
    ...taxonomyFields(),
    {
      name: 'navigationPosition',
      type: 'number',
      admin: {
        description: translated('navigationPositionDescription'),
        position: 'sidebar',
        step: 1,
      },
      index: true,
      label: translated('navigationPosition'),
      max: 99,
      min: 1,
      validate: wholeNumberOrEmpty,
    },
  ],
  labels: { plural: translated('sectionPlural'), singular: translated('sectionSingular') },
})
