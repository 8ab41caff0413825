import type { CollectionBeforeOperationHook, Payload } from 'payload'

import { APIError } from 'payload'

/** Longest address kept as a key: an address is at most 320 characters. */
const MAX_KEY_LENGTH = 320

/**
 * Payload spaces password-reset requests (`auth.forgotPassword.minRequestInterval`) by reserving
 * the request with a write outside the request's own transaction. On SQLite there is one writer
 * (see sqliteWriteLock.ts), and that transaction holds it: the reservation waits for the
 * transaction that waits for it, and the request fails with a 500. SQLite runs one instance, so
 * the interval is kept in this process instead, for every address alike (known or not, so the
 * answer tells nothing about accounts).
 */
export const keepResetIntervalInProcess = (payload: Payload, collection = 'users'): void => {
  const config = payload.collections[collection as keyof typeof payload.collections]?.config
  const forgotPassword = config?.auth?.forgotPassword
  const interval = forgotPassword?.minRequestInterval ?? 0
  if (!config || !forgotPassword || interval <= 0) {
    return
  }
  forgotPassword.minRequestInterval = 0
  const requestedAt = new Map<string, number>()

  const spaceResetRequests: CollectionBeforeOperationHook = ({ args, operation }) => {
    if (operation !== 'forgotPassword') {
      return args
    }
    const data = (args as { data?: { email?: unknown; username?: unknown } }).data
    const address = String(data?.email ?? data?.username ?? '')
      .trim()
      .toLowerCase()
      .slice(0, MAX_KEY_LENGTH)
    const now = Date.now()
    for (const [key, at] of requestedAt) {
      if (now - at >= interval) {
        requestedAt.delete(key)
      }
    }
    if (requestedAt.has(address)) {
      throw new APIError(
        `A password reset for this address was requested in the last ${Math.ceil(interval / 1000)} s: try again later.`,
        429,
      )
    }
    requestedAt.set(address, now)
    return args
  }
  config.hooks.beforeOperation = [...(config.hooks.beforeOperation ?? []), spaceResetRequests]
}
