import type { CollectionAfterChangeHook, TypeWithID } from 'payload'

import { sameId } from '../../../src/utilities/ids'

type Session = { expiresAt?: Date | string; id: string }
type StoredAccount = TypeWithID & { sessions?: null | Session[] }

const normalEmail = (value: unknown) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value

/**
 * A new email ends every other session of the account, as Payload does for a new password: the
 * address is where a password reset goes, so whoever else was signed in must sign in again. The
 * session that made the change stays (its owner just proved the current password); when an admin
 * changes someone else's address, all of that account's sessions end.
 */
export const endOtherSessions: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const auth = collection.auth
  if (
    operation !== 'update' ||
    !auth?.useSessions ||
    normalEmail(doc?.email) === normalEmail(previousDoc?.email)
  ) {
    return doc
  }
  const stored = await req.payload.db.findOne<StoredAccount>({
    collection: collection.slug,
    req,
    where: { id: { equals: doc.id } },
  })
  const sessions = stored?.sessions ?? []
  const own =
    req.user?.collection === collection.slug && sameId(req.user.id, doc.id)
      ? (req.user as { _sid?: string })._sid
      : undefined
  const kept = sessions.filter((session) => own !== undefined && session.id === own)
  if (kept.length !== sessions.length) {
    await req.payload.db.updateOne({
      collection: collection.slug,
      data: { sessions: kept },
      id: doc.id,
      req,
      returning: false,
    })
  }
  return doc
}
