import type { PayloadRequest } from 'payload'

/**
 * The header a host's API cache puts on the anonymous request it sends to Payload for a miss,
 * carrying the id of a recording it opened: Payload's hooks see the request's headers, not the
 * host's cache, so a registry on globalThis (shared by every copy of this module in the process,
 * Next's bundle among them) carries back the keys of what the answer read.
 */
export const API_READ_HEADER = 'x-newsroom-api-read'

/** What one answer read: its surrogate keys, or why it may not be stored at all. */
export type ApiRead = { keys: Set<string>; uncacheable?: string }

const REGISTRY = Symbol.for('newsroom.cache.apiReads')

type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Map<string, ApiRead> }

const registry = (): Map<string, ApiRead> => {
  const holder = globalThis as GlobalWithRegistry
  holder[REGISTRY] ??= new Map()
  return holder[REGISTRY]
}

/** Opens a recording: only ids opened here collect keys, so a client's own header collects none. */
export const beginApiRead = (id: string): void => {
  registry().set(id, { keys: new Set() })
}

/** Closes a recording and returns what the answer read (nothing for an id never opened). */
export const endApiRead = (id: string): ApiRead => {
  const read = registry().get(id)
  registry().delete(id)
  return read ?? { keys: new Set(), uncacheable: 'the answer was not recorded' }
}

/** The recording the request belongs to, if a host's cache opened one for it. */
export const apiReadOf = (
  req: Pick<PayloadRequest, 'headers'> | undefined,
): ApiRead | undefined => {
  const id = req?.headers?.get?.(API_READ_HEADER)
  return id ? registry().get(id) : undefined
}

/** Adds keys to the request's recording; a no-op for any request a cache did not open. */
export const recordApiRead = (
  req: Pick<PayloadRequest, 'headers'> | undefined,
  keys: readonly string[],
): void => {
  const read = apiReadOf(req)
  for (const key of keys) {
    read?.keys.add(key)
  }
}

/** Keeps the request's answer out of the cache, saying why (the first reason stays). */
export const refuseApiRead = (req: Pick<PayloadRequest, 'headers'> | undefined, reason: string) => {
  const read = apiReadOf(req)
  if (read && !read.uncacheable) {
    read.uncacheable = reason
  }
}
