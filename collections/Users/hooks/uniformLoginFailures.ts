import type { CollectionAfterErrorHook, CollectionBeforeOperationHook, TypeWithID } from 'payload'

import { AuthenticationError } from 'payload'

import { spendPasswordCheck } from '../../../src/auth/passwordHash'

const isLocked = (lockUntil: unknown) =>
  typeof lockUntil === 'string' || lockUntil instanceof Date
    ? new Date(lockUntil).getTime() > Date.now()
    : false

/** An account as stored, hidden fields (hash, salt, lock) included. */
type StoredAccount = TypeWithID & Record<string, unknown>

/**
 * A failed sign-in says nothing about whether the address has an account: Payload answers an
 * unknown address at once and a wrong password only after hashing it, and names a locked
 * account. Here an unknown or locked account costs the same hashing and gets the same answer
 * as a wrong password. The account still locks after too many failures.
 */
export const uniformLoginFailures: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'login') {
    return args
  }
  const { data } = args as { data?: { email?: unknown; password?: unknown } }
  const email = typeof data?.email === 'string' ? data.email.trim().toLowerCase() : ''
  if (!email) {
    return args
  }
  const account = await req.payload.db.findOne<StoredAccount>({
    collection: collection.slug,
    req,
    where: { email: { equals: email } },
  })
  if (!account || isLocked(account.lockUntil)) {
    await spendPasswordCheck(data?.password)
    throw new AuthenticationError(req.t)
  }
  return args
}

/** The failure that locks an account reads like any other wrong password. */
export const hideAccountLock: CollectionAfterErrorHook = ({ error, req }) => {
  if (error.name !== 'LockedAuth') {
    return
  }
  const { message } = new AuthenticationError(req.t)
  return { response: { errors: [{ message }] }, status: 401 }
}
