import type {
  CollectionSlug,
  FieldHook,
  PayloadRequest,
  TextField,
  TextFieldSingleValidation,
} from 'payload'

import type { TextFieldOverrides } from './httpUrl'

import { slugify, SLUG_PATTERN } from '../src/utilities/slugify'

type SlugFieldOptions = {
  /**
   * A sibling date field that, once set, freezes the slug so published URLs never break.
   * Leave unset for a slug that stays editable.
   */
  lockAfter?: string
  /** Field name. @default 'slug' */
  name?: string
  /** Changes to the generated field. */
  overrides?: TextFieldOverrides
  /**
   * Who may still change the slug once `lockAfter` is set (an editor, whose change leaves a
   * redirect behind). Checked on the server; unset, nobody may.
   */
  unlockFor?: (req: PayloadRequest) => boolean
  /** The sibling field the slug is generated from when left empty. */
  useAsSlug: string
}

const fillFromSource =
  (useAsSlug: string): FieldHook =>
  ({ siblingData, value }) => {
    if (typeof value === 'string' && value.trim() !== '') {
      return value.trim()
    }
    return slugify(siblingData?.[useAsSlug]) || value
  }

const validateSlug =
  ({
    lockAfter,
    name,
    unlockFor,
  }: Pick<SlugFieldOptions, 'lockAfter' | 'unlockFor'> & {
    name: string
  }): TextFieldSingleValidation =>
  async (value, { collectionSlug, id, previousValue, req, siblingData }) => {
    if (!value) {
      return 'A slug is required: give a headline or type a slug.'
    }
    if (!SLUG_PATTERN.test(value)) {
      return 'Use lowercase letters, digits and single hyphens only (for example "asylum-ruling-2018").'
    }
    const lockedBy = lockAfter ? (siblingData as Record<string, unknown>)?.[lockAfter] : undefined
    // The browser has no request to judge by (no payload): the server decides.
    const unlocked = unlockFor && (!req?.payload || unlockFor(req as PayloadRequest))
    if (lockedBy && previousValue && value !== previousValue && !unlocked) {
      return unlockFor
        ? 'Only an editor can change the slug once the story has been published: its URL is already out.'
        : 'The slug cannot change once the story has been published: its URL is already out.'
    }
    // Asked of the database here, not left to its unique index alone: not every MongoDB-wire
    // server says which field a duplicate-key error came from. Browsers skip it (no payload).
    if (req?.payload && collectionSlug && value !== previousValue) {
      const { totalDocs } = await req.payload.count({
        collection: collectionSlug as CollectionSlug,
        req,
        where: {
          and: [{ [name]: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])],
        },
      })
      if (totalDocs > 0) {
        return `"${value}" is already in use: choose another slug.`
      }
    }
    return true
  }

export const slugField = ({
  name = 'slug',
  lockAfter,
  overrides = {},
  unlockFor,
  useAsSlug,
}: SlugFieldOptions): TextField => ({
  name,
  type: 'text',
  index: true,
  unique: true,
  validate: validateSlug({ lockAfter, name, unlockFor }),
  ...overrides,
  admin: {
    description: `Part of the URL. Generated from the ${useAsSlug} when left empty.`,
    position: 'sidebar',
    ...overrides.admin,
  },
  hooks: {
    ...overrides.hooks,
    beforeValidate: [fillFromSource(useAsSlug), ...(overrides.hooks?.beforeValidate ?? [])],
  },
})
