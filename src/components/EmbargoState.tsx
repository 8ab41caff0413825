'use client'

import { useFormFields, useTranslation } from '@payloadcms/ui'
import React from 'react'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../translations/types'

/** The embargo's state in words, from a stored value: for the sidebar and the list column. */
export const useEmbargoText = (value: unknown): string => {
  const { i18n, t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  if (typeof value !== 'string' || value === '') {
    return t('newsroom:embargoNone')
  }
  const end = new Date(value)
  if (Number.isNaN(end.getTime())) {
    return t('newsroom:embargoNone')
  }
  const at = end.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return end.getTime() > Date.now()
    ? t('newsroom:embargoActive', { at })
    : t('newsroom:embargoLifted', { at })
}

/**
 * Under the embargo field in the sidebar: whether the story is held back now, and until when,
 * from the value in the form (what the editor is about to save).
 */
export const EmbargoState = ({ path }: { path?: string }) => {
  const value = useFormFields(([fields]) => fields[path ?? 'embargoUntil']?.value)
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  return (
    <div className="field-description">
      <p>{useEmbargoText(value)}</p>
      <p>{t('newsroom:embargoUntilDescription')}</p>
    </div>
  )
}
