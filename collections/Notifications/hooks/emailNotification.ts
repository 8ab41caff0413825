import type { CollectionAfterChangeHook } from 'payload'

import type { NewsroomUser } from '../../../src/documents'

import { formatAdminURL } from 'payload/shared'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { notificationSettings } from '../../../src/notifications/settings'
import { relationId } from '../../../src/utilities/ids'

type Notification = {
  article?: unknown
  id: number | string
  message?: string
  recipient?: unknown
}

/**
 * Each new notification is also an email to its recipient, through the app's email adapter.
 * Sent without being awaited: the write that caused it never waits on (or fails with) the mail
 * server; a failure is logged. Only the recipient's address is read first, in the write's
 * transaction.
 */
export const emailNotification: CollectionAfterChangeHook<Notification> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create' || !notificationSettings(req.payload.config).email) {
    return doc
  }
  const recipientId = relationId(doc.recipient)
  if (recipientId === undefined) {
    return doc
  }
  const recipient = (await req.payload.findByID({
    collection: collectionSlugs.users,
    depth: 0,
    disableErrors: true,
    id: recipientId,
    overrideAccess: true,
    req,
    select: { email: true },
  })) as NewsroomUser | null
  if (!recipient?.email) {
    return doc
  }
  const articleId = relationId(doc.article)
  const { config } = req.payload
  const link =
    articleId === undefined
      ? undefined
      : formatAdminURL({
          adminRoute: config.routes.admin,
          path: `/collections/${collectionSlugs.articles}/${String(articleId)}`,
          serverURL: config.serverURL,
        })
  const message = doc.message ?? ''
  const { logger } = req.payload
  void Promise.resolve()
    .then(() =>
      req.payload.sendEmail({
        subject: message,
        text: link ? `${message}\n\n${link}\n` : `${message}\n`,
        to: recipient.email,
      }),
    )
    .catch((error: unknown) => {
      logger.error({ err: error, msg: `Notification email to ${recipient.email} not sent` })
    })
  return doc
}
