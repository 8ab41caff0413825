/**
 * Checks that something that must NOT happen does not, for `ms`: `check` is polled every
 * `intervalMs` and the first time it is false this throws, naming `what`. Where a test claims
 * an absence (the files are still there while a transaction is open) there is no event to wait
 * for; this watches for the length of time a violation would need to show, and fails at once
 * when it does, instead of sleeping and looking once.
 */
export const holdsFor = async (
  check: () => boolean | Promise<boolean>,
  { intervalMs = 50, ms, what }: { intervalMs?: number; ms: number; what: string },
): Promise<void> => {
  const until = Date.now() + ms
  for (;;) {
    if (!(await check())) {
      throw new Error(`${what} stopped holding`)
    }
    const left = until - Date.now()
    if (left <= 0) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)))
  }
}
