import type { FieldHook } from 'payload'

/**
 * The author is the account that wrote the comment, set once by the server; the field's access
 * refuses any client value, and this hook runs after that check. Code running without a user
 * (a seed) may give one.
 */
export const stampAuthor: FieldHook = ({ operation, originalDoc, req, value }) => {
  if (operation === 'create') {
    return req.user?.id ?? value ?? null
  }
  return (originalDoc as { author?: unknown } | undefined)?.author ?? null
}
