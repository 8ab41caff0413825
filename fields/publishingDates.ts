import type { DateField, FieldHook, PayloadRequest } from 'payload'

import { contextKeys } from '../src/requestContext'
import { translated } from '../src/translations/translate'

type PublishingDatesOptions = {
  /** Changes to the `firstPublishedAt` field. */
  firstPublishedOverrides?: Partial<DateField>
  /** Changes to the `publishedAt` field. */
  publishedOverrides?: Partial<DateField>
  /** Changes to the `revisedAt` field. */
  revisedOverrides?: Partial<DateField>
}

/** Lets the seed and imports carry historical dates in; nothing else may set them. */
export const PRESERVE_PUBLISHING_DATES = contextKeys.preservePublishingDates

const isPublishing = (siblingData: Record<string, unknown> | undefined) =>
  siblingData?._status === 'published'

const PUBLISH_MOMENT = contextKeys.publishMoment

/** One timestamp per save, so a first publish sets both dates to the same instant. */
const publishMoment = (req: PayloadRequest): string => {
  req.context[PUBLISH_MOMENT] ??= new Date().toISOString()
  return req.context[PUBLISH_MOMENT]
}

const setFirstPublishedAt: FieldHook = ({ originalDoc, req, siblingData, value }) => {
  if (originalDoc?.firstPublishedAt) {
    return originalDoc.firstPublishedAt
  }
  if (req.context?.[PRESERVE_PUBLISHING_DATES] && value) {
    return value
  }
  return isPublishing(siblingData) ? publishMoment(req) : null
}

const defaultPublishedAt: FieldHook = ({ req, siblingData, value }) => {
  if (!value && isPublishing(siblingData)) {
    return publishMoment(req)
  }
  return value
}

/**
 * When readers last saw the story change: a publish of a story that was already out. The first
 * publish, draft saves and the seed's own writes are not updates; the seed and imports may carry
 * a historical value in, like the other dates.
 */
const setRevisedAt: FieldHook = ({ originalDoc, req, siblingData, value }) => {
  if (req.context?.[PRESERVE_PUBLISHING_DATES]) {
    return value ?? originalDoc?.revisedAt ?? null
  }
  if (isPublishing(siblingData) && originalDoc?.firstPublishedAt) {
    return publishMoment(req)
  }
  return originalDoc?.revisedAt ?? null
}

/** A copy of a story is a new story: it has not been published, whatever its original was. */
const startsUnpublished: FieldHook = () => null

const dateTimeAdmin = { date: { pickerAppearance: 'dayAndTime' as const } }

export const publishingDatesFields = ({
  firstPublishedOverrides = {},
  publishedOverrides = {},
  revisedOverrides = {},
}: PublishingDatesOptions = {}): DateField[] => [
  {
    name: 'publishedAt',
    type: 'date',
    index: true,
    admin: {
      ...dateTimeAdmin,
      description: translated('publishedAtDescription'),
      position: 'sidebar',
    },
    label: translated('publishedAt'),
    ...publishedOverrides,
    hooks: {
      beforeChange: [defaultPublishedAt],
      beforeDuplicate: [startsUnpublished],
      ...publishedOverrides.hooks,
    },
  },
  {
    name: 'firstPublishedAt',
    type: 'date',
    index: true,
    admin: {
      ...dateTimeAdmin,
      description: translated('firstPublishedAtDescription'),
      position: 'sidebar',
      readOnly: true,
    },
    label: translated('firstPublishedAt'),
    ...firstPublishedOverrides,
    hooks: {
      beforeChange: [setFirstPublishedAt],
      beforeDuplicate: [startsUnpublished],
      ...firstPublishedOverrides.hooks,
    },
  },
  {
    name: 'revisedAt',
    type: 'date',
    admin: {
      ...dateTimeAdmin,
      description: translated('revisedAtDescription'),
      position: 'sidebar',
      readOnly: true,
    },
    label: translated('revisedAt'),
    ...revisedOverrides,
    hooks: {
      beforeChange: [setRevisedAt],
      beforeDuplicate: [startsUnpublished],
      ...revisedOverrides.hooks,
    },
  },
]
