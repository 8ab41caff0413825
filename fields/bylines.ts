import type { TFunction } from '@payloadcms/translations'
import type { ArrayField } from 'payload'

import { translate, translated } from '../src/translations/translate'
import { bylineName } from './bylineName'

type BylinesFieldOptions = {
  /** Slug of the collection that holds staff. @default 'users' */
  authorsCollection?: string
  /** Changes to the generated field. */
  overrides?: Partial<ArrayField>
  /**
   * Slug of the collection of people (staff, contributors): a byline's person, whose page the
   * byline links to. `false` leaves bylines to accounts and credits. @default 'people'
   */
  peopleCollection?: false | string
}

/**
 * Bylines name people (staff and contributors, each with an author page); an account or a
 * free-text credit ("Staff and wire reports") still works where no person is set.
 */
export const bylinesField = ({
  authorsCollection = 'users',
  overrides = {},
  peopleCollection = 'people',
}: BylinesFieldOptions = {}): ArrayField => ({
  name: 'bylines',
  type: 'array',
  admin: {
    description: translated('bylinesDescription'),
    initCollapsed: true,
  },
  label: translated('bylinePlural'),
  labels: { plural: translated('bylinePlural'), singular: translated('bylineSingular') },
  fields: [
    ...(peopleCollection
      ? [
          {
            name: 'person',
            type: 'relationship' as const,
            admin: { description: translated('bylinePersonDescription') },
            index: true,
            label: translated('person'),
            relationTo: peopleCollection as 'people',
          },
        ]
      : []),
    {
      type: 'row',
      fields: [
        {
          name: 'author',
          type: 'relationship',
          relationTo: authorsCollection as 'users',
          admin: { width: '50%' },
          label: translated('author'),
        },
        {
          name: 'credit',
          type: 'text',
          admin: {
            description: translated('creditDescription'),
            width: '50%',
          },
          label: translated('credit'),
          validate: (
            value: null | string | undefined,
            { req, siblingData }: { req?: { t?: TFunction<never> }; siblingData: unknown },
          ) => {
            const { author, person } = (siblingData ?? {}) as { author?: unknown; person?: unknown }
            if (!author && !person && !value?.trim()) {
              return translate(req?.t, 'bylineNeedsCredit')
            }
            return true
          },
        },
      ],
    },
    {
      name: 'name',
      type: 'text',
      admin: { hidden: true },
      // Worked out on read, so a renamed person or an edited credit never leaves a stale copy.
      hooks: {
        afterRead: [bylineName({ authorsCollection, peopleCollection: peopleCollection || null })],
      },
      virtual: true,
    },
  ],
  ...overrides,
})
