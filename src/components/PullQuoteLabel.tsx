'use client'

import type { ReactNode } from 'react'

import { Pill, ShimmerEffect, useFormFields, useTranslation } from '@payloadcms/ui'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../translations/types'

import { collectionSlugs } from '../collectionSlugs'
import { relationId } from '../utilities/ids'
import { useRecord } from './useRecord'

import './PullQuoteLabel.css'

type QuoteRecord = {
  speaker?: { name?: null | string; organization?: null | string; title?: null | string } | null
  text?: null | string
}

const quoteFields = ['text', 'speaker'] as const

// Past this an organisation ("Center for Gender & Refugee Studies at the University of …")
// crowds the quote out of a one-line header; the full name is still in the tooltip.
const SHORT_ORGANIZATION = 40

const baseClass = 'pull-quote-label'

/** “words” — Name, Title, Organisation: the quote as readers will see it, never retyped. */
const attribution = (speaker: QuoteRecord['speaker'], short: boolean) => {
  const organization = speaker?.organization ?? ''
  return [
    speaker?.name,
    speaker?.title,
    short && organization.length > SHORT_ORGANIZATION ? undefined : organization,
  ]
    .filter(Boolean)
    .join(', ')
}

/**
 * The pull quote block's header: the chosen quote's words and who said them, read from the
 * quote record. Follows the block's form, so it changes as soon as another quote is chosen.
 */
export const PullQuoteLabel = () => {
  const quoteId = useFormFields(([fields]) => relationId(fields.quote?.value))
  const record = useRecord<QuoteRecord>(collectionSlugs.quotes, quoteId, quoteFields)
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()

  let preview: ReactNode
  if (record.status === 'loading') {
    preview = <ShimmerEffect height="15px" width="240px" />
  } else if (record.status === 'found') {
    const { speaker, text } = record.doc
    preview = (
      <span
        className={`${baseClass}__preview`}
        title={`“${text ?? ''}” — ${attribution(speaker, false)}`}
      >
        <span className={`${baseClass}__text`}>“{text}”</span>
        <span className={`${baseClass}__speaker`}>— {attribution(speaker, true)}</span>
      </span>
    )
  } else {
    const problem = t(
      (
        {
          empty: 'newsroom:chooseQuote',
          failed: 'newsroom:quoteCouldNotLoad',
          missing: 'newsroom:quoteNotFound',
        } as const
      )[record.status],
    )
    preview = (
      <span className={`${baseClass}__problem ${baseClass}__problem--${record.status}`}>
        {problem}
      </span>
    )
  }

  return (
    <div className={baseClass}>
      <Pill className={`${baseClass}__pill`} pillStyle="white" size="small">
        {t('newsroom:pullQuoteSingular')}
      </Pill>
      {preview}
    </div>
  )
}
