import type { PayloadRequest, TaskConfig } from 'payload'

import type { NewsroomUser } from '../documents'

import { formatAdminURL } from 'payload/shared'

import { collectionSlugs } from '../collectionSlugs'
import { relationId } from '../utilities/ids'

/** The job that emails one notification to its recipient. */
export const EMAIL_NOTIFICATION_TASK = 'newsroomEmailNotification'

type Notification = { article?: unknown; message?: string; recipient?: unknown }

/**
 * Sends the email for one notification, read as committed: the job is queued in the write's
 * transaction, so a write that rolls back leaves no job and sends nothing. A mail server that
 * refuses throws, and the runner tries again later.
 */
export const emailOneNotification = async (
  req: PayloadRequest,
  notificationId: string,
): Promise<{ sent: boolean }> => {
  const notification = (await req.payload.findByID({
    collection: collectionSlugs.notifications,
    depth: 0,
    disableErrors: true,
    id: notificationId,
    overrideAccess: true,
    req,
  })) as Notification | null
  const recipientId = relationId(notification?.recipient)
  if (!notification || recipientId === undefined) {
    return { sent: false }
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
    return { sent: false }
  }
  const articleId = relationId(notification.article)
  const { config } = req.payload
  const link =
    articleId === undefined
      ? undefined
      : formatAdminURL({
          adminRoute: config.routes.admin,
          path: `/collections/${collectionSlugs.articles}/${String(articleId)}`,
          serverURL: config.serverURL,
        })
  const message = notification.message ?? ''
  await req.payload.sendEmail({
    subject: message,
    text: link ? `${message}\n\n${link}\n` : `${message}\n`,
    to: recipient.email,
  })
  return { sent: true }
}

/** The task, added to the site's jobs by the plugin (see withScheduledPublishing). */
export const emailNotificationTask = (): TaskConfig<{
  input: { notification: string }
  output: { sent: boolean }
}> => ({
  slug: EMAIL_NOTIFICATION_TASK,
  handler: async ({ input, req }) => ({
    output: await emailOneNotification(req, input.notification),
  }),
  inputSchema: [{ name: 'notification', type: 'text', required: true }],
  label: 'Email a notification',
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  // A mail server that is down for a while: tried again, further apart each time.
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 } },
})
