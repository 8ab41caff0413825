'use client'

import { Button, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../../translations/types'
import type { ThreadNode } from './threads'

import { Comment } from './Comment'
import { CommentTime } from './CommentTime'
import { Composer } from './Composer'
import { hasDraft, keepDraft } from './drafts'
import { personName } from './personName'
import { refusalText } from './refusalText'
import { replyCount } from './threads'

const baseClass = 'newsroom-discussion'

/** The replies under a comment, each with its own, oldest first. */
const Replies = ({ nodes, now }: { nodes: ThreadNode[]; now: number }) =>
  nodes.length === 0 ? null : (
    <ol className={`${baseClass}__replies`}>
      {nodes.map((node) => (
        <li className={`${baseClass}__reply`} key={String(node.comment.id)}>
          <Comment comment={node.comment} now={now} />
          <Replies nodes={node.replies} now={now} />
        </li>
      ))}
    </ol>
  )

type ThreadProps = {
  /** Whether this reader may resolve or reopen it: its author or an editor, as the server has it. */
  canResolve: boolean
  /** The reply box's name for its unposted text (see drafts.ts). */
  draftKey: string
  node: ThreadNode
  now: number
  /** Posts a reply to the thread's first comment; throws what the server refused. */
  reply: (body: string) => Promise<void>
  /** Resolves or reopens the thread; throws what the server refused. */
  resolve: (resolved: boolean) => Promise<void>
}

/**
 * One thread: its first comment, the replies under it, and what can be done with it (reply,
 * resolve, reopen). A resolved thread is folded to its first comment under "Resolved by …"
 * until someone opens it. The caller keys it by its resolved state, so resolving folds it and
 * reopening unfolds it.
 */
export const Thread = ({ canResolve, draftKey, node, now, reply, resolve }: ThreadProps) => {
  const { t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const root = node.comment
  const resolved = Boolean(root.resolved)
  const [open, setOpen] = useState(!resolved)
  // A reply begun before the form was built anew is still being written.
  const [replying, setReplying] = useState(() => hasDraft(draftKey))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)
  const someone = t('newsroom:notifySomeone')
  const replies = replyCount(node)
  // A resolved thread takes no replies until it is reopened, even one begun before.
  const composing = replying && !resolved

  const changeResolved = async (next: boolean) => {
    setBusy(true)
    setError(null)
    try {
      await resolve(next)
    } catch (refused) {
      setError(refusalText(refused, t))
    } finally {
      setBusy(false)
    }
  }

  const classes = [
    `${baseClass}__thread`,
    resolved && `${baseClass}__thread--resolved`,
    !open && `${baseClass}__thread--folded`,
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <article className={classes}>
      {resolved && (
        <div className={`${baseClass}__resolution`}>
          <span className={`${baseClass}__resolved-by`}>
            {t('newsroom:commentResolvedByWho', { who: personName(root.resolvedBy, someone) })}
          </span>
          {root.resolvedAt && <CommentTime iso={root.resolvedAt} now={now} />}
          {!open && replies > 0 && (
            <span className={`${baseClass}__reply-count`}>
              {t('newsroom:commentReplyCount', { count: replies })}
            </span>
          )}
          <Button
            buttonStyle="subtle"
            extraButtonProps={{ 'aria-expanded': open }}
            margin={false}
            onClick={() => setOpen(!open)}
            size="small"
          >
            {t(open ? 'newsroom:commentHideThread' : 'newsroom:commentShowThread')}
          </Button>
        </div>
      )}
      <Comment comment={root} now={now} />
      {open && <Replies nodes={node.replies} now={now} />}
      {open && composing && (
        <Composer
          autoFocus
          draftKey={draftKey}
          label={t('newsroom:commentReplyTo', { who: personName(root.author, someone) })}
          labelHidden
          onCancel={() => {
            keepDraft(draftKey, '')
            setReplying(false)
          }}
          onSubmit={async (body) => {
            await reply(body)
            setReplying(false)
          }}
          submitLabel={t('newsroom:commentReply')}
        />
      )}
      {open && !composing && (
        <div className={`${baseClass}__actions`}>
          {!resolved && (
            <Button
              buttonStyle="secondary"
              margin={false}
              onClick={() => setReplying(true)}
              size="small"
            >
              {t('newsroom:commentReply')}
            </Button>
          )}
          {canResolve && (
            <Button
              buttonStyle="secondary"
              disabled={busy}
              margin={false}
              onClick={() => void changeResolved(!resolved)}
              size="small"
            >
              {t(resolved ? 'newsroom:commentReopen' : 'newsroom:commentResolve')}
            </Button>
          )}
        </div>
      )}
      {error && (
        <p className={`${baseClass}__error`} role="alert">
          {error}
        </p>
      )}
    </article>
  )
}
