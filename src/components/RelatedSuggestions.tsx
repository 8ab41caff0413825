'use client'

import type { TFunction } from '@payloadcms/translations'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../translations/types'

type Suggestion = {
  headline: string
  id: number | string
  score: number
  shared: { cases: number; quotes: number; topics: number }
  slug: null | string
}

const describe = (
  t: TFunction<NewsroomTranslationKeys>,
  { cases, quotes, topics }: Suggestion['shared'],
) =>
  [
    cases && t('newsroom:sharedCases', { count: cases }),
    quotes && t('newsroom:sharedQuotes', { count: quotes }),
    topics && t('newsroom:sharedTopics', { count: topics }),
  ]
    .filter(Boolean)
    .join(', ')

/** Lists published stories that share cases, quotes or topics with this one, best first. */
export const RelatedSuggestions = () => {
  const { id } = useDocumentInfo()
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig()
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null)

  useEffect(() => {
    if (!id) {
      return
    }
    const controller = new AbortController()
    fetch(`${api}/articles/${id}/related-suggestions`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs: Suggestion[] }) => setSuggestions(body.docs))
      .catch(() => setSuggestions([]))
    return () => controller.abort()
  }, [api, id])

  if (!id || suggestions === null) {
    return null
  }
  return (
    <div className="field-type related-suggestions" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.5rem' }}>{t('newsroom:suggestedRelatedCoverage')}</h4>
      {suggestions.length === 0 ? (
        <p>{t('newsroom:noRelatedSuggestions')}</p>
      ) : (
        <ol>
          {suggestions.map((suggestion) => (
            <li key={suggestion.id}>
              <a href={`${admin}/collections/articles/${suggestion.id}`}>{suggestion.headline}</a>{' '}
              <span style={{ opacity: 0.7 }}>
                — {t('newsroom:shares', { what: describe(t, suggestion.shared) })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
