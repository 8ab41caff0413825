import type { I18nClient } from '@payloadcms/translations'

import { editorialStages } from '../../../collections/Articles'
import { artNeededOptions } from '../../../fields/assignment'

type Option = { label: (args: { t: never }) => string; value: string }

const labelFrom = (options: unknown[], value: null | string | undefined, i18n: I18nClient) => {
  const option = (options as Option[]).find((entry) => entry.value === value)
  return option ? option.label({ t: i18n.t as never }) : (value ?? '')
}

/** A stage's label in the reader's language (the select's own option labels). */
export const stageLabel = (value: null | string | undefined, i18n: I18nClient) =>
  labelFrom(editorialStages, value, i18n)

export const stageOptions = (i18n: I18nClient) =>
  (editorialStages as Option[]).map((option) => ({
    label: option.label({ t: i18n.t as never }),
    value: option.value,
  }))

export const artLabel = (value: null | string | undefined, i18n: I18nClient) =>
  labelFrom(artNeededOptions, value, i18n)

/** A time as the desk reads it: the server's times are UTC, and the view says so. */
export const formatTime = (iso: null | string | undefined, language: string) =>
  iso
    ? `${new Date(iso).toLocaleString(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      })} UTC`
    : ''
