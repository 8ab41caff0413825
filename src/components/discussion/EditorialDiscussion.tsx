'use client'

import type { JoinFieldClientComponent } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import {
  Button,
  FieldDescription,
  RenderCustomComponent,
  ShimmerEffect,
  useAuth,
  useConfig,
  useDocumentInfo,
  useField,
  useTranslation,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../../translations/types'
import type { ThreadComment } from './commentsApi'

import { hasRole } from '../../access/roles'
import { collectionSlugs } from '../../collectionSlugs'
import { sameId } from '../../utilities/ids'
import { loadComments, postComment, setResolved } from './commentsApi'
import { Composer } from './Composer'
import { refusalText } from './refusalText'
import { Thread } from './Thread'
import { buildThreads } from './threads'
import { useNow } from './useNow'

import './EditorialDiscussion.css'

const baseClass = 'newsroom-discussion'

/** The comments as last read, and why the last read failed if it did. */
type Loaded = { comments: null | ThreadComment[]; error: unknown }

/**
 * The Discussion tab: the story's editorial comments as threads, each first comment with its
 * replies under it, and boxes to comment, reply, resolve and reopen in place. It stands in for
 * the `discussion` join's table (the join's data is unchanged for REST and GraphQL) and reads
 * and writes through the REST API as the signed-in user, so the collection's access rules and
 * hooks (the author, the mentions and their notifications) apply exactly as everywhere else.
 */
export const EditorialDiscussion: JoinFieldClientComponent = ({ field, path }) => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { i18n, t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  // A description given as a function is rendered by the server into the field's state.
  const { customComponents: { Description } = {} } = useField({ potentiallyStalePath: path })
  const now = useNow()
  const collectionUrl = formatAdminURL({
    apiRoute: api,
    path: `/${collectionSlugs.editorialComments}`,
    serverURL,
  })
  const [loaded, setLoaded] = useState<Loaded>({ comments: null, error: null })
  // Only the newest read may land: an older one finishing late would show a stale thread.
  const latestRead = useRef(0)

  /** Reads the thread again; never throws (a failure is shown above the thread instead). */
  const refresh = useCallback(
    async (signal?: AbortSignal) => {
      if (id === undefined || id === null) {
        return
      }
      const read = ++latestRead.current
      try {
        const comments = await loadComments(collectionUrl, id, signal)
        if (read === latestRead.current) {
          setLoaded({ comments, error: null })
        }
      } catch (error) {
        if (read === latestRead.current && !signal?.aborted) {
          setLoaded((last) => ({ comments: last.comments, error }))
        }
      }
    },
    [collectionUrl, id],
  )

  useEffect(() => {
    const controller = new AbortController()
    void refresh(controller.signal)
    return () => controller.abort()
  }, [refresh])

  const label = field.label ? getTranslation(field.label, i18n) : null
  const threads = loaded.comments ? buildThreads(loaded.comments) : []
  const open = threads.filter((thread) => !thread.comment.resolved).length
  // As the server decides (authorOrEditor): an editor resolves any thread, others their own.
  const canResolve = (comment: ThreadComment) =>
    hasRole(user, 'editor', 'admin') || sameId(comment.author, user?.id)

  let content
  if (id === undefined || id === null) {
    content = <p className={`${baseClass}__note`}>{t('newsroom:discussionSaveFirst')}</p>
  } else {
    const articleId = id
    content = (
      <>
        {Boolean(loaded.error) && (
          <div className={`${baseClass}__load-error`} role="alert">
            <span>
              {t('newsroom:discussionCouldNotLoad')} {refusalText(loaded.error, t)}
            </span>
            <Button
              buttonStyle="secondary"
              margin={false}
              onClick={() => void refresh()}
              size="small"
            >
              {t('newsroom:discussionTryAgain')}
            </Button>
          </div>
        )}
        {loaded.comments === null && !loaded.error && <ShimmerEffect height="120px" />}
        {loaded.comments !== null &&
          (threads.length === 0 ? (
            <p className={`${baseClass}__note`}>{t('newsroom:discussionEmpty')}</p>
          ) : (
            <ol className={`${baseClass}__threads`}>
              {threads.map((thread) => (
                // Keyed by its state too: resolving folds the thread, reopening unfolds it.
                <li key={`${thread.comment.id}:${Boolean(thread.comment.resolved)}`}>
                  <Thread
                    canResolve={canResolve(thread.comment)}
                    draftKey={`${articleId}:reply:${thread.comment.id}`}
                    node={thread}
                    now={now}
                    reply={async (body) => {
                      await postComment(collectionUrl, {
                        article: articleId,
                        body,
                        parent: thread.comment.id,
                      })
                      await refresh()
                    }}
                    resolve={async (resolved) => {
                      await setResolved(collectionUrl, thread.comment.id, resolved)
                      await refresh()
                    }}
                  />
                </li>
              ))}
            </ol>
          ))}
        <Composer
          draftKey={`${articleId}:new`}
          label={t('newsroom:commentNew')}
          onSubmit={async (body) => {
            await postComment(collectionUrl, { article: articleId, body })
            await refresh()
          }}
          submitLabel={t('newsroom:commentPost')}
        />
      </>
    )
  }

  return (
    <div className={`field-type ${baseClass}`} id={`field-${path.replace(/\./g, '__')}`}>
      <div className={`${baseClass}__header`}>
        {label && <h3 className={`${baseClass}__title`}>{label}</h3>}
        {threads.length > 0 && (
          <span className={`${baseClass}__summary`}>
            {t('newsroom:discussionThreads', { count: threads.length, open })}
          </span>
        )}
      </div>
      <RenderCustomComponent
        CustomComponent={Description}
        Fallback={<FieldDescription description={field.admin?.description} path={path} />}
      />
      {content}
    </div>
  )
}
