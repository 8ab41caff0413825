'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Suggestion = {
  headline: string
  id: number | string
  score: number
  shared: { cases: number; quotes: number; topics: number }
  slug: null | string
}

const describe = ({ cases, quotes, topics }: Suggestion['shared']) =>
  [
    cases && `${cases} case${cases > 1 ? 's' : ''}`,
    quotes && `${quotes} quote${quotes > 1 ? 's' : ''}`,
    topics && `${topics} topic${topics > 1 ? 's' : ''}`,
  ]
    .filter(Boolean)
    .join(', ')

/** Lists published stories that share cases, quotes or topics with this one, best first. */
export const RelatedSuggestions = () => {
  const { id } = useDocumentInfo()
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
      <h4 style={{ margin: '0 0 0.5rem' }}>Suggested related coverage</h4>
      {suggestions.length === 0 ? (
        <p>No published story shares a case, quote or topic with this one yet.</p>
      ) : (
        <ol>
          {suggestions.map((suggestion) => (
            <li key={suggestion.id}>
              <a href={`${admin}/collections/articles/${suggestion.id}`}>{suggestion.headline}</a>{' '}
              <span style={{ opacity: 0.7 }}>— shares {describe(suggestion.shared)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
