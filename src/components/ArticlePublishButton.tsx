'use client'

import type { PublishButtonClientProps } from 'payload'

import {
  FormSubmit,
  PublishButton,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useLocale,
  useTranslation,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useCallback } from 'react'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../translations/types'

import { REVIEW_STAGE } from '../reviewStage'

const publishingRoles = new Set(['admin', 'editor'])

/**
 * Editors get Payload's Publish button (with its schedule); a writer, who may not publish, gets
 * "Submit for review" instead: it saves the draft with the story in the review stage, where the
 * editors' queue on the dashboard shows it. The server enforces the same (guardPublishing,
 * followStage); this only stops offering a writer a button that can only fail.
 */
export const ArticlePublishButton = (props: PublishButtonClientProps) => {
  const { user } = useAuth()
  const roles = (user as { roles?: null | string[] } | null)?.roles ?? []
  if (roles.some((role) => publishingRoles.has(role))) {
    return <PublishButton {...props} />
  }
  return <SubmitForReviewButton />
}

const SubmitForReviewButton = () => {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { id, collectionSlug, setUnpublishedVersionCount } = useDocumentInfo()
  const { code: locale } = useLocale()
  const { submit } = useForm()
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()

  const submitForReview = useCallback(async () => {
    const search = `?locale=${locale}&depth=0&fallback-locale=null&draft=true`
    await submit({
      action: formatAdminURL({
        apiRoute: api,
        path: `/${collectionSlug}${id ? `/${id}` : ''}${search}`,
      }),
      method: id ? 'PATCH' : 'POST',
      overrides: { _status: 'draft', stage: REVIEW_STAGE },
    })
    setUnpublishedVersionCount((count) => count + 1)
  }, [api, collectionSlug, id, locale, setUnpublishedVersionCount, submit])

  return (
    <FormSubmit
      buttonId="action-submit-for-review"
      onClick={() => void submitForReview()}
      size="medium"
      type="button"
    >
      {t('newsroom:submitForReview')}
    </FormSubmit>
  )
}
