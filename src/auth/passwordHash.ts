import crypto from 'node:crypto'

/**
 * Payload's local strategy stores `hash` and `salt` from PBKDF2-SHA256: 600,000 iterations and
 * 32 bytes behind a version prefix, or, for hashes made before it, 25,000 iterations and 512
 * bytes. Payload does not export its check, so the plugin repeats it to confirm a password.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

const pbkdf2 = (password: string, salt: string, iterations: number, keyLength: number) =>
  new Promise<Buffer>((resolve, reject) =>
    crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )

/** Whether `password` is the one behind a stored hash and salt; false for anything missing. */
export const passwordMatches = async (
  password: unknown,
  stored: Record<string, unknown>,
): Promise<boolean> => {
  const { hash, salt } = stored
  if (typeof password !== 'string' || typeof hash !== 'string' || typeof salt !== 'string') {
    return false
  }
  const current = hash.startsWith(CURRENT_PREFIX)
  const { iterations, keyLength } = current ? CURRENT : LEGACY
  const expected = Buffer.from(current ? hash.slice(CURRENT_PREFIX.length) : hash, 'hex')
  const actual = await pbkdf2(password, salt, iterations, keyLength)
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** The work of checking one password, spent when there is no account to check it against. */
export const spendPasswordCheck = async (password: unknown): Promise<void> => {
  await pbkdf2(
    typeof password === 'string' ? password : '',
    'no-such-account',
    CURRENT.iterations,
    CURRENT.keyLength,
  )
}
