import type { ArrayField } from 'payload'

import { bylineName } from './bylineName'

type BylinesFieldOptions = {
  /** Slug of the collection that holds staff. @default 'users' */
  authorsCollection?: string
  /** Changes to the generated field. */
  overrides?: Partial<ArrayField>
}

/** Bylines mix staff accounts and free-text credits ("Staff and wire reports"). */
export const bylinesField = ({
  authorsCollection = 'users',
  overrides = {},
}: BylinesFieldOptions = {}): ArrayField => ({
  name: 'bylines',
  type: 'array',
  admin: {
    description: 'Who wrote it, in the order shown on the page.',
    initCollapsed: true,
  },
  fields: [
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
            const author = (siblingData as { author?: unknown })?.author
            if (!author && !value?.trim()) {
              return 'A byline needs an author account or a credit.'
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
      // Worked out on read, so a renamed account or an edited credit never leaves a stale copy.
      hooks: { afterRead: [bylineName(authorsCollection)] },
      virtual: true,
    },
  ],
  ...overrides,
})
