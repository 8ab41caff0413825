import type { PayloadRequest } from 'payload'

import type { Id } from '../documents'

import { collectionSlugs } from '../collectionSlugs'
import { notificationSettings } from './settings'

export type NotificationKind =
  'assigned' | 'mentioned' | 'published' | 'quote-disputed' | 'submitted'

type NotifyArgs = {
  articleId?: Id
  kind: NotificationKind
  message: string
  recipients: Id[]
}

/**
 * Writes one notification per recipient, in the request's transaction (so a write that fails
 * leaves none). Each person once; never the one whose action it is (an editor assigning
 * themselves needs no note of it). Nothing when the plugin's `notifications` is false.
 */
export const notify = async (
  req: PayloadRequest,
  { articleId, kind, message, recipients }: NotifyArgs,
): Promise<void> => {
  if (!notificationSettings(req.payload.config).enabled) {
    return
  }
  const actor = req.user?.id
  const unique = [...new Set(recipients.map(String))].filter(
    (id) => actor === undefined || id !== String(actor),
  )
  for (const id of unique) {
    const recipient = recipients.find((candidate) => String(candidate) === id) as Id
    await req.payload.create({
      collection: collectionSlugs.notifications,
      // Ids are numbers on SQL adapters and strings on MongoDB; the host's types know only one.
      data: {
        article: articleId as number | undefined,
        kind,
        message: message.slice(0, 500),
        read: false,
        recipient: recipient as number,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}
