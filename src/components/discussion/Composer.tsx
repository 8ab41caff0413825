'use client'

import type { KeyboardEvent } from 'react'

import { Button, useTranslation } from '@payloadcms/ui'
import { useId, useState } from 'react'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../../translations/types'

import { draftOf, keepDraft } from './drafts'
import { refusalText } from './refusalText'

const baseClass = 'newsroom-discussion'

type ComposerProps = {
  /** Focus the box as it opens: a reply box opens because someone asked to reply. */
  autoFocus?: boolean
  /** Names the box among the page's others, for its unposted text to outlive a re-render. */
  draftKey: string
  /** What the box is for, shown above it ("New comment"), or only to screen readers. */
  label: string
  labelHidden?: boolean
  onCancel?: () => void
  /** Sends the text; throws what the server refused, which the box then shows. */
  onSubmit: (body: string) => Promise<void>
  submitLabel: string
}

/**
 * A box to write a comment or a reply in, with its send button. No `<form>`: it sits inside
 * the story's own form, and a form in a form is not HTML. The text stays until the server has
 * taken it, so nothing typed is lost to a refusal.
 */
export const Composer = ({
  autoFocus,
  draftKey,
  label,
  labelHidden,
  onCancel,
  onSubmit,
  submitLabel,
}: ComposerProps) => {
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const id = useId()
  const [body, setBody] = useState(() => draftOf(draftKey))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)
  const blank = body.trim() === ''

  const submit = async () => {
    if (blank || busy) {
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onSubmit(body)
      keepDraft(draftKey, '')
      setBody('')
    } catch (refused) {
      setError(refusalText(refused, t))
    } finally {
      setBusy(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // Not the story form's submit, nor a new line.
      event.preventDefault()
      void submit()
    } else if (event.key === 'Escape' && onCancel) {
      onCancel()
    }
  }

  return (
    <div className={`${baseClass}__composer`}>
      <label
        className={labelHidden ? `${baseClass}__visually-hidden` : `${baseClass}__label`}
        htmlFor={id}
      >
        {label}
      </label>
      <textarea
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        autoFocus={autoFocus}
        className={`${baseClass}__input`}
        id={id}
        onChange={(event) => {
          setBody(event.target.value)
          keepDraft(draftKey, event.target.value)
        }}
        onKeyDown={onKeyDown}
        rows={3}
        value={body}
      />
      {error && (
        <p className={`${baseClass}__error`} id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className={`${baseClass}__actions`}>
        <Button
          buttonStyle="primary"
          disabled={blank || busy}
          margin={false}
          onClick={() => void submit()}
          size="small"
        >
          {submitLabel}
        </Button>
        {onCancel && (
          <Button buttonStyle="secondary" margin={false} onClick={onCancel} size="small">
            {t('newsroom:commentCancel')}
          </Button>
        )}
        <span className={`${baseClass}__hint`} id={`${id}-hint`}>
          {t('newsroom:commentShortcut')}
        </span>
      </div>
    </div>
  )
}
