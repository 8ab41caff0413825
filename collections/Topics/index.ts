import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isEditor, isStaff } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { taxonomyFields } from '../../fields/taxonomy'
import { perLanguage, translated } from '../../src/translations/translate'

/**
 * What stories are about ("Asylum", "Domestic violence"). Writers tag stories while reporting,
 * so they may add a topic; renaming or removing one changes every story and page that uses it,
 * which is an editor's call.
 */
export const topicsCollection = (): CollectionConfig => ({
  slug: collectionSlugs.topics,
  access: {
    create: isStaff,
    delete: isEditor,
    read: anyone,
    update: isEditor,
  },
  admin: {
    defaultColumns: ['name', 'slug', 'updatedAt'],
    description: translated('topicCollectionDescription'),
    group: perLanguage('adminGroup'),
    useAsTitle: 'name',
  },
  defaultSort: 'name',
  fields: taxonomyFields(),
  labels: { plural: translated('topicPlural'), singular: translated('topicSingular') },
})
