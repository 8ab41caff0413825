import type { CollectionConfig } from 'payload'

import { httpUrlField } from '../../fields/httpUrl'
import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff, isStaffField } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { perLanguage, translated } from '../../src/translations/translate'
import { markNamedPeople, releaseNamedPeople } from '../People/hooks/markLivePeople'
import { labelClaim } from './hooks/labelClaim'

/**
 * A claim someone made, as a record a fact-check article can rate: schema.org's `Claim`, the
 * `itemReviewed` of a `ClaimReview`. Readers see it once a published fact-check shows it.
 */
export const claimsCollection = (): CollectionConfig => ({
  slug: collectionSlugs.claims,
  access: {
    create: isStaff,
    delete: isEditor,
    read: liveOrStaff,
    update: editorsOnceLive,
  },
  admin: {
    defaultColumns: ['label', 'claimedAt', 'appearance'],
    group: perLanguage('adminGroup'),
    listSearchableFields: ['text', 'label'],
    useAsTitle: 'label',
  },
  labels: { plural: translated('claimPlural'), singular: translated('claimSingular') },
  defaultSort: '-claimedAt',
  hooks: {
    afterChange: [markNamedPeople],
    afterDelete: [releaseNamedPeople],
  },
  fields: [
    inLiveStoryField(),
    {
      name: 'label',
      type: 'text',
      admin: { hidden: true },
      hooks: { beforeChange: [labelClaim] },
    },
    {
      name: 'text',
      type: 'textarea',
      admin: { description: translated('claimTextDescription') },
      label: translated('text'),
      required: true,
    },
    {
      name: 'claimant',
      type: 'relationship',
      admin: { description: translated('claimantDescription') },
      label: translated('claimant'),
      relationTo: collectionSlugs.people,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'claimedAt',
          type: 'date',
          admin: { description: translated('claimedAtDescription'), width: '34%' },
          label: translated('claimedAt'),
        },
        {
          name: 'appearance',
          type: 'text',
          admin: {
            description: translated('appearanceDescription'),
            width: '66%',
          },
          label: translated('appearance'),
        },
      ],
    },
    httpUrlField({
      name: 'sourceUrl',
      overrides: {
        admin: { description: translated('claimSourceUrlDescription') },
        label: translated('sourceUrl'),
      },
    }),
    {
      name: 'notes',
      type: 'textarea',
      access: { read: isStaffField },
      admin: { description: translated('editorialNotesDescription') },
      label: translated('notes'),
    },
    {
      name: 'checkedIn',
      type: 'join',
      admin: { description: translated('checkedInDescription') },
      collection: collectionSlugs.articles,
      label: translated('checkedIn'),
      on: 'factCheck.claim',
    },
  ],
})
