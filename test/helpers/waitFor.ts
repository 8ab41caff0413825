import { inspect } from 'node:util'

export type WaitForOptions = {
  /** How long to wait between two checks; 50 ms unless told. */
  intervalMs?: number
  /** How long to keep checking before failing; 10 s unless told. */
  timeoutMs?: number
  /** What is awaited, as the failure message names it: "the page to show the new headline". */
  what: string
}

/** What a check returns once it holds. */
export type Truthy<T> = Exclude<T, '' | 0 | 0n | false | null | undefined>

/** How the last value or error seen is told in a failure, cut so that a page of HTML stays short. */
const describe = (seen: { error: unknown } | { value: unknown } | undefined): string => {
  if (seen === undefined) return 'nothing (the check never finished)'
  const text =
    'error' in seen
      ? `error ${seen.error instanceof Error ? (seen.error.stack ?? seen.error.message) : inspect(seen.error)}`
      : `value ${inspect(seen.value, { breakLength: Infinity, depth: 3 })}`
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text
}

/**
 * Polls `check` (sync or async) until it returns a truthy value and returns that value. A check
 * that throws counts as "not yet". On the deadline it throws an Error naming `what` and the last
 * value or error seen. Tests wait for events this way, never for a fixed time.
 */
export const waitFor = async <T>(
  check: () => Promise<T> | T,
  { intervalMs = 50, timeoutMs = 10_000, what }: WaitForOptions,
): Promise<Truthy<T>> => {
  const deadline = Date.now() + timeoutMs
  let seen: { error: unknown } | { value: unknown } | undefined
  for (;;) {
    try {
      const value = await check()
      if (value) return value as Truthy<T>
      seen = { value }
    } catch (error) {
      seen = { error }
    }
    const left = deadline - Date.now()
    if (left <= 0) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last ${describe(seen)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)))
  }
}
