'use client'

import type { JSONFieldClientComponent } from 'payload'

import { useField } from '@payloadcms/ui'

type QuoteCheck = {
  inPullQuote: boolean
  label: null | string
  quote: number | string
  verbatim: boolean
  verification: null | string
}

const badge = (status: null | string) => {
  if (status === 'verified') return { color: '#1a7f37', text: 'verified' }
  if (status === 'disputed') return { color: '#cf222e', text: 'disputed: blocks publishing' }
  return { color: '#9a6700', text: 'unverified' }
}

/** The quote check as an editor reads it: one line per quote, problems first to the eye. */
export const QuoteChecks: JSONFieldClientComponent = ({ path }) => {
  const { value } = useField<QuoteCheck[] | null>({ path: path ?? 'quoteChecks' })
  const checks = Array.isArray(value) ? value : []
  return (
    <div className="field-type quote-checks" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.5rem' }}>Quote check</h4>
      {checks.length === 0 ? (
        <p>No quotes linked yet. Saved stories are checked each time they are opened.</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {checks.map((check) => {
            const status = badge(check.verification)
            return (
              <li key={String(check.quote)} style={{ marginBottom: '0.35rem' }}>
                <span style={{ color: status.color, fontWeight: 600 }}>[{status.text}]</span>{' '}
                {check.label}{' '}
                {check.verbatim ? (
                  <span style={{ color: '#1a7f37' }}>
                    — {check.inPullQuote ? 'used as a pull quote' : 'appears verbatim'}
                  </span>
                ) : (
                  <span style={{ color: '#cf222e' }}>— not found verbatim in the body</span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
