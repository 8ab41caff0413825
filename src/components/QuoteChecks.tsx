'use client'

import type { JSONFieldClientComponent } from 'payload'

import { useField, useTranslation } from '@payloadcms/ui'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../translations/types'

type QuoteCheck = {
  inPullQuote: boolean
  label: null | string
  quote: number | string
  verbatim: boolean
  verification: null | string
}

const badge = (status: null | string) => {
  if (status === 'verified') {
    return { color: '#1a7f37', text: 'newsroom:quoteBadgeVerified' } as const
  }
  if (status === 'disputed') {
    return { color: '#cf222e', text: 'newsroom:quoteBadgeDisputed' } as const
  }
  return { color: '#9a6700', text: 'newsroom:quoteBadgeUnverified' } as const
}

/** The quote check as an editor reads it: one line per quote, problems first to the eye. */
export const QuoteChecks: JSONFieldClientComponent = ({ path }) => {
  const { value } = useField<QuoteCheck[] | null>({ path: path ?? 'quoteChecks' })
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const checks = Array.isArray(value) ? value : []
  return (
    <div className="field-type quote-checks" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.5rem' }}>{t('newsroom:quoteCheckHeading')}</h4>
      {checks.length === 0 ? (
        <p>{t('newsroom:noQuotesLinked')}</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {checks.map((check) => {
            const status = badge(check.verification)
            return (
              <li key={String(check.quote)} style={{ marginBottom: '0.35rem' }}>
                <span style={{ color: status.color, fontWeight: 600 }}>[{t(status.text)}]</span>{' '}
                {check.label}{' '}
                {check.verbatim ? (
                  <span style={{ color: '#1a7f37' }}>
                    —{' '}
                    {t(
                      check.inPullQuote
                        ? 'newsroom:quoteUsedAsPullQuote'
                        : 'newsroom:quoteAppearsVerbatim',
                    )}
                  </span>
                ) : (
                  <span style={{ color: '#cf222e' }}>— {t('newsroom:quoteNotVerbatim')}</span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
