import type { CollectionAfterChangeHook } from 'payload'

import { EMAIL_NOTIFICATION_TASK } from '../../../src/notifications/emailTask'
import { notificationSettings } from '../../../src/notifications/settings'

/** The queue the plugin's runner works (scheduled publishing's too). */
const QUEUE = 'default'

/**
 * Each new notification is also an email to its recipient, through the app's email adapter.
 * The email is a job queued in the write's transaction and sent by the job runner once the
 * write is committed: a write that rolls back sends nothing, the write never waits on (or
 * fails with) the mail server, and a refused email is tried again.
 */
export const emailNotification: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || !notificationSettings(req.payload.config).email) {
    return doc
  }
  await req.payload.jobs.queue({
    input: { notification: String(doc.id) },
    queue: QUEUE,
    req,
    task: EMAIL_NOTIFICATION_TASK as never,
  } as never)
  return doc
}
