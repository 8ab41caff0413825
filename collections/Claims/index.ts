import type { CollectionConfig } from 'payload'

import { httpUrlField } from '../../fields/httpUrl'
import { inLiveStoryField } from '../../fields/inLiveStory'
import { editorsOnceLive, liveOrStaff } from '../../src/access/liveRecords'
import { isEditor, isStaff, isStaffField } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
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
    group: 'Newsroom',
    listSearchableFields: ['text', 'label'],
    useAsTitle: 'label',
  },
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
      admin: { description: 'What was claimed, as briefly and fairly as it can be put.' },
      required: true,
    },
    {
      name: 'claimant',
      type: 'relationship',
      admin: { description: 'Who made the claim.' },
      relationTo: collectionSlugs.people,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'claimedAt',
          type: 'date',
          admin: { description: 'When it was first claimed.', width: '34%' },
        },
        {
          name: 'appearance',
          type: 'text',
          admin: {
            description: 'Where it was claimed (e.g. "remarks at the White House").',
            width: '66%',
          },
        },
      ],
    },
    httpUrlField({
      name: 'sourceUrl',
      overrides: { admin: { description: 'A link to where the claim can be seen or read.' } },
    }),
    {
      name: 'notes',
      type: 'textarea',
      access: { read: isStaffField },
      admin: { description: 'Internal: never shown to readers or partners.' },
    },
    {
      name: 'checkedIn',
      type: 'join',
      admin: { description: 'Fact-checks that rate this claim.' },
      collection: collectionSlugs.articles,
      on: 'factCheck.claim',
    },
  ],
})
