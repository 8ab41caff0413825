import type { TFunction } from '@payloadcms/translations'
import type { GroupField } from 'payload'

import type { NewsroomRating } from '../src/types'

import { collectionSlugs } from '../src/collectionSlugs'
import { translate, translated } from '../src/translations/translate'

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
    description: translated('factCheckDescription'),
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
          label: translated('claim'),
          relationTo: collectionSlugs.claims,
        },
        {
          name: 'rating',
          type: 'select',
          admin: { width: '34%' },
          label: translated('rating'),
          options: ratings.map(({ label, value }) => ({ label, value })),
          validate: (
            value: null | string | undefined,
            { req, siblingData }: { req?: { t?: TFunction<never> }; siblingData: unknown },
          ) =>
            value && !(siblingData as { claim?: unknown })?.claim
              ? translate(req?.t, 'ratingNeedsClaim')
              : true,
        },
      ],
    },
  ],
  label: translated('factCheck'),
  ...overrides,
})
