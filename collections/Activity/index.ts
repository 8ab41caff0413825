import type { CollectionConfig } from 'payload'

import { isEditor } from '../../src/access/roles'
import { activityActions } from '../../src/activity/actions'
import { collectionSlugs } from '../../src/collectionSlugs'
import { perLanguage, translated } from '../../src/translations/translate'

/** No door writes it: the server's hooks do, through the Local API with access overridden. */
const nobody = () => false

/**
 * The newsroom's activity log: who created, submitted, edited, published, unpublished,
 * corrected or verified what, and when. Append-only and written by the server alone (see
 * `src/activity/logActivity.ts`); editors and admins read it, filtered by person or story.
 */
export const activityCollection = (): CollectionConfig => ({
  slug: collectionSlugs.activity,
  access: {
    create: nobody,
    delete: nobody,
    // Editors answer for the desk; a writer's own history is in each story's versions.
    read: isEditor,
    readVersions: nobody,
    unlock: nobody,
    update: nobody,
  },
  admin: {
    defaultColumns: ['at', 'actor', 'action', 'recordTitle', 'recordCollection', 'detail'],
    group: perLanguage('adminGroup'),
    listSearchableFields: ['recordTitle', 'detail', 'recordId'],
    useAsTitle: 'recordTitle',
  },
  defaultSort: '-at',
  disableDuplicate: true,
  labels: { plural: translated('activityPlural'), singular: translated('activitySingular') },
  fields: [
    {
      name: 'actor',
      type: 'relationship',
      admin: { description: translated('activityActorDescription') },
      index: true,
      label: translated('activityActor'),
      relationTo: collectionSlugs.users,
    },
    {
      name: 'action',
      type: 'select',
      index: true,
      label: translated('activityAction'),
      options: activityActions.map((value) => ({
        label: translated(`activity_${value}`),
        value,
      })),
      required: true,
    },
    {
      name: 'recordCollection',
      type: 'text',
      index: true,
      label: translated('activityCollection'),
      maxLength: 100,
      required: true,
    },
    {
      name: 'recordId',
      type: 'text',
      index: true,
      label: translated('activityRecordId'),
      maxLength: 100,
      required: true,
    },
    {
      name: 'recordTitle',
      type: 'text',
      label: translated('activityRecordTitle'),
      maxLength: 300,
    },
    {
      name: 'at',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      index: true,
      label: translated('activityAt'),
      required: true,
    },
    {
      name: 'detail',
      type: 'text',
      label: translated('activityDetail'),
      maxLength: 300,
    },
  ],
})
