import type { ArrayField } from 'payload'

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
    description: 'Who wrote it, in the order shown on the page.',
    initCollapsed: true,
  },
  fields: [
    ...(peopleCollection
      ? [
          {
            name: 'person',
            type: 'relationship' as const,
            admin: { description: 'The staff member or contributor: their author page.' },
            index: true,
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
        },
        {
          name: 'credit',
          type: 'text',
          admin: {
            description: 'Free-text credit, for contributors without an account.',
            width: '50%',
          },
          validate: (
            value: null | string | undefined,
            { siblingData }: { siblingData: unknown },
          ) => {
            const { author, person } = (siblingData ?? {}) as { author?: unknown; person?: unknown }
            if (!author && !person && !value?.trim()) {
              return 'A byline needs a person, an author account or a credit.'
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
