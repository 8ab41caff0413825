import type { GroupField } from 'payload'

import type { NewsroomRating } from '../src/types'

import { collectionSlugs } from '../src/collectionSlugs'

type FactCheckFieldOptions = {
  /** Changes to the generated field. */
  overrides?: Partial<GroupField>
  /** The newsroom's rating scale. */
  ratings: NewsroomRating[]
}

/**
 * On a story that checks a claim: which claim, and the rating it gets on the newsroom's scale.
 * Published with both set, the story's page carries schema.org ClaimReview.
 */
export const factCheckField = ({ overrides = {}, ratings }: FactCheckFieldOptions): GroupField => ({
  name: 'factCheck',
  type: 'group',
  admin: {
    description: 'When this story checks a claim: the claim, and how true it was found to be.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'claim',
          type: 'relationship',
          admin: { width: '66%' },
          index: true,
          relationTo: collectionSlugs.claims,
        },
        {
          name: 'rating',
          type: 'select',
          admin: { width: '34%' },
          options: ratings.map(({ label, value }) => ({ label, value })),
          validate: (
            value: null | string | undefined,
            { siblingData }: { siblingData: unknown },
          ) =>
            value && !(siblingData as { claim?: unknown })?.claim
              ? 'A rating needs the claim it rates.'
              : true,
        },
      ],
    },
  ],
  ...overrides,
})
