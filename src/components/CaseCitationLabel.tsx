'use client'

import { ShimmerEffect, useFormFields, useTranslation } from '@payloadcms/ui'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../translations/types'

import { collectionSlugs } from '../collectionSlugs'
import { relationId } from '../utilities/ids'
import { useRecord } from './useRecord'

import './CaseCitationLabel.css'

type CaseRecord = { caption?: null | string; citation?: null | string }

const caseFields = ['caption', 'citation'] as const

const baseClass = 'case-citation-label'

/**
 * The inline case citation as the story reads it: the case's caption and citation, read from the
 * case record, after the story's own words for it when it has them. Follows the block's form, so
 * it changes as soon as another case is chosen.
 */
export const CaseCitationLabel = () => {
  const caseId = useFormFields(([fields]) => relationId(fields.case?.value))
  const mention = useFormFields(([fields]) => fields.mention?.value)
  const record = useRecord<CaseRecord>(collectionSlugs.cases, caseId, caseFields)
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const words = typeof mention === 'string' ? mention.trim() : ''

  if (record.status === 'loading') {
    return <ShimmerEffect height="15px" width="120px" />
  }
  if (record.status !== 'found') {
    const problem = t(
      (
        {
          empty: 'newsroom:chooseCase',
          failed: 'newsroom:caseCouldNotLoad',
          missing: 'newsroom:caseNotFound',
        } as const
      )[record.status],
    )
    return (
      <div className={`${baseClass} ${baseClass}--${record.status}`}>
        {words ? `${words} → ` : ''}
        {problem}
      </div>
    )
  }

  const { caption, citation } = record.doc
  const cited = [caption, citation].filter(Boolean).join(', ')
  const citedAs = (
    <>
      <i>{caption}</i>
      {citation ? `, ${citation}` : ''}
    </>
  )
  return (
    <div className={baseClass} title={words ? `${words} → ${cited}` : cited}>
      {words ? (
        <>
          {words} <span className={`${baseClass}__cited`}>→ {citedAs}</span>
        </>
      ) : (
        citedAs
      )}
    </div>
  )
}
