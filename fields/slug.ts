import type { TFunction } from '@payloadcms/translations'
import type {
  CollectionSlug,
  FieldHook,
  PayloadRequest,
  TextField,
  TextFieldSingleValidation,
} from 'payload'

import type { TextFieldOverrides } from './httpUrl'

import { translate, translated } from '../src/translations/translate'
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
      return translate(req?.t, 'slugRequired')
    }
    if (!SLUG_PATTERN.test(value)) {
      return translate(req?.t, 'slugPattern')
    }
    const lockedBy = lockAfter ? (siblingData as Record<string, unknown>)?.[lockAfter] : undefined
    // The browser has no request to judge by (no payload): the server decides.
    const unlocked = unlockFor && (!req?.payload || unlockFor(req as PayloadRequest))
    if (lockedBy && previousValue && value !== previousValue && !unlocked) {
      return translate(req?.t, unlockFor ? 'slugLockedForWriters' : 'slugLocked')
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
        return translate(req?.t, 'slugTaken', { slug: value })
      }
    }
    return true
  }

/** The source fields the newsroom's collections use, as a description names them. */
const sourceKeys = {
  caption: 'slugSourceCaption',
  headline: 'slugSourceHeadline',
  name: 'slugSourceName',
} as const

/** The source field as the description names it: "the headline", "el titular". */
const sourceName = (t: TFunction<never>, useAsSlug: string): string =>
  useAsSlug in sourceKeys
    ? translate(t, sourceKeys[useAsSlug as keyof typeof sourceKeys])
    : translate(t, 'slugSourceOther', { field: useAsSlug })

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
  label: translated('slug'),
  unique: true,
  validate: validateSlug({ lockAfter, name, unlockFor }),
  ...overrides,
  admin: {
    description: ({ t }) => translate(t, 'slugDescription', { source: sourceName(t, useAsSlug) }),
    position: 'sidebar',
    ...overrides.admin,
  },
  hooks: {
    ...overrides.hooks,
    beforeValidate: [fillFromSource(useAsSlug), ...(overrides.hooks?.beforeValidate ?? [])],
  },
})
