'use client'

import { useTranslation } from '@payloadcms/ui'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../../translations/types'
import type { ThreadComment } from './commentsApi'

import { mentionParts } from '../../utilities/mentions'
import { CommentTime } from './CommentTime'
import { personName } from './personName'

const baseClass = 'newsroom-discussion'

/**
 * One comment: who wrote it and when, its text with the @handles marked as mentions, and whom
 * the server notified (the people those handles named), so the writer sees who will hear of it.
 */
export const Comment = ({ comment, now }: { comment: ThreadComment; now: number }) => {
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const someone = t('newsroom:notifySomeone')
  const notified = (comment.mentions ?? []).map((person) => personName(person, someone))
  return (
    <div className={`${baseClass}__comment`}>
      <div className={`${baseClass}__meta`}>
        <span className={`${baseClass}__author`}>{personName(comment.author, someone)}</span>
        <CommentTime iso={comment.createdAt} now={now} />
      </div>
      <p className={`${baseClass}__body`}>
        {mentionParts(comment.body).map((part, index) =>
          part.mention ? (
            <strong className={`${baseClass}__mention`} key={index}>
              {part.text}
            </strong>
          ) : (
            part.text
          ),
        )}
      </p>
      {notified.length > 0 && (
        <p className={`${baseClass}__notified`}>
          {t('newsroom:commentNotified', { who: notified.join(', ') })}
        </p>
      )}
    </div>
  )
}
