import type { CollectionBeforeOperationHook, TypeWithID } from 'payload'

import type { Id } from '../../../src/documents'

import { ValidationError } from 'payload'

import { passwordMatches } from '../../../src/auth/passwordHash'
import { sameId } from '../../../src/utilities/ids'

/** An account as stored, hidden fields (hash, salt, lock) included. */
type StoredAccount = TypeWithID & Record<string, unknown>

/** Shorter passwords fall to a laptop's guessing in hours. */
export const MIN_PASSWORD_LENGTH = 12

/** The virtual field a signed-in member sends to prove it is them changing the password. */
export const CURRENT_PASSWORD = 'currentPassword'

type PasswordArgs = { data?: Record<string, unknown>; id?: Id }

/**
 * Passwords are at least 12 characters, wherever they are set (sign-up, an admin creating an
 * account, a reset, a change), and changing your own needs the current one: a session left
 * open on a shared computer must not be enough to take the account.
 */
export const passwordRules: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') {
    return args
  }
  const { data, id } = args as PasswordArgs
  const password = data?.password
  const current = data?.[CURRENT_PASSWORD]
  if (data) {
    delete data[CURRENT_PASSWORD]
  }
  if (password === undefined || password === null || password === '') {
    return args
  }
  const fail = (path: string, message: string): never => {
    throw new ValidationError({ collection: collection.slug, errors: [{ message, path }], req })
  }
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    fail('password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  }
  const ownAccount =
    operation === 'update' && req.user && id !== undefined && sameId(id, req.user.id)
  if (ownAccount) {
    const stored = await req.payload.db.findOne<StoredAccount>({
      collection: collection.slug,
      req,
      where: { id: { equals: id } },
    })
    if (!stored || !(await passwordMatches(current, stored))) {
      fail(CURRENT_PASSWORD, 'Enter your current password to set a new one.')
    }
  }
  return args
}
