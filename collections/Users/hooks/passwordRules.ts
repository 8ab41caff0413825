import type { CollectionBeforeOperationHook, TypeWithID } from 'payload'

import type { Id } from '../../../src/documents'

import { ValidationError } from 'payload'

import { passwordMatches } from '../../../src/auth/passwordHash'
import { translate } from '../../../src/translations/translate'
import { sameId } from '../../../src/utilities/ids'

/** An account as stored, hidden fields (hash, salt, lock) included. */
type StoredAccount = TypeWithID & Record<string, unknown>

/** Shorter passwords fall to a laptop's guessing in hours. */
export const MIN_PASSWORD_LENGTH = 12

/** The virtual field a signed-in member sends to prove it is them changing a credential. */
export const CURRENT_PASSWORD = 'currentPassword'

type PasswordArgs = { data?: Record<string, unknown>; id?: Id }

const given = (value: unknown) => value !== undefined && value !== null && value !== ''

/** Addresses compare as Payload stores them: trimmed and lower-cased. */
const normalEmail = (value: unknown) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value

/**
 * Passwords are at least 12 characters, wherever they are set (sign-up, an admin creating an
 * account, a reset, a change), and changing your own password or email needs the current
 * password: a session left open on a shared computer (or stolen) must not be enough to take the
 * account, and a new address would let it do so through forgot-password. A change to many
 * accounts at once (an update by `where`) may not touch credentials: it cannot say whose current
 * password it holds.
 */
export const passwordRules: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
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
  const newPassword = given(password)
  const newEmail = operation === 'update' && given(data?.email)
  if (!newPassword && !newEmail) {
    return args
  }
  const fail = (path: string, message: string): never => {
    throw new ValidationError({ collection: collection.slug, errors: [{ message, path }], req })
  }
  if (newPassword && (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)) {
    fail('password', translate(req.t, 'passwordTooShort', { min: MIN_PASSWORD_LENGTH }))
  }
  if (operation !== 'update' || !req.user) {
    return args
  }
  if (id === undefined) {
    if (!overrideAccess) {
      fail(newPassword ? 'password' : 'email', translate(req.t, 'accountChangeByQuery'))
    }
    return args
  }
  if (!sameId(id, req.user.id)) {
    return args
  }
  const stored = await req.payload.db.findOne<StoredAccount>({
    collection: collection.slug,
    req,
    where: { id: { equals: id } },
  })
  const emailChanges = newEmail && normalEmail(data?.email) !== normalEmail(stored?.email)
  if (!newPassword && !emailChanges) {
    return args
  }
  if (!stored || !(await passwordMatches(current, stored))) {
    fail(
      CURRENT_PASSWORD,
      newPassword
        ? translate(req.t, 'currentPasswordRequired')
        : translate(req.t, 'currentPasswordForEmail'),
    )
  }
  return args
}
