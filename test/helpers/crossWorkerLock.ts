import fs from 'node:fs'
import path from 'node:path'

import { waitFor } from './waitFor'

const locks = path.join(process.cwd(), '.cache', 'locks')

/** Whether a process with this pid is still running on this machine. */
const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes a lock that jest's other workers (other processes) respect, waiting for it with a
 * deadline, and returns its release. What two workers must not do at once takes one: building
 * into .next, running `next dev` in this folder (Next locks .next/dev and a second server
 * exits). A lock whose holder died (a killed worker) is taken over.
 */
export const acquireCrossWorkerLock = async (
  name: string,
  { timeoutMs = 900_000 }: { timeoutMs?: number } = {},
): Promise<() => void> => {
  fs.mkdirSync(locks, { recursive: true })
  const dir = path.join(locks, name)
  const owner = path.join(dir, 'pid')
  const asked = performance.now()
  await waitFor(
    () => {
      try {
        fs.mkdirSync(dir)
        fs.writeFileSync(owner, String(process.pid))
        return true
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = Number(fs.readFileSync(owner, { encoding: 'utf8', flag: 'a+' }))
        // No pid yet means the holder is between mkdir and write: not stale.
        if (holder > 0 && !running(holder)) fs.rmSync(dir, { force: true, recursive: true })
        return false
      }
    },
    { intervalMs: 250, timeoutMs, what: `the ${name} lock (held by another jest worker)` },
  )
  // A worker waiting here runs nothing else: `.ci/run` sums these lines to show what it costs.
  const waited = (performance.now() - asked) / 1000
  if (waited >= 1) {
    fs.appendFileSync(path.join(locks, '..', 'lock-waits.txt'), `${name} ${waited.toFixed(1)}\n`)
  }
  let released = false
  return () => {
    if (released) return
    released = true
    fs.rmSync(dir, { force: true, recursive: true })
  }
}
