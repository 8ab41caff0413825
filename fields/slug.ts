import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'

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
  (lockAfter: string | undefined): TextFieldSingleValidation =>
  (value, { previousValue, siblingData }) => {
    if (!value) {
      return 'A slug is required: give a headline or type a slug.'
    }
    if (!SLUG_PATTERN.test(value)) {
      return 'Use lowercase letters, digits and single hyphens only (for example "asylum-ruling-2018").'
    }
    const lockedBy = lockAfter ? (siblingData as Record<string, unknown>)?.[lockAfter] : undefined
    if (lockedBy && previousValue && value !== previousValue) {
      return 'The slug cannot change once the story has been published: its URL is already out.'
    }
    return true
  }

export const slugField = ({
  name = 'slug',
  lockAfter,
  overrides = {},
  useAsSlug,
}: SlugFieldOptions): TextField => ({
  name,
  type: 'text',
  index: true,
  unique: true,
  validate: validateSlug(lockAfter),
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
