import { type ChildProcess, spawn } from 'node:child_process'

import { acquireCrossWorkerLock } from './crossWorkerLock'
import { freshDatabaseUri } from './database'
import { waitFor as pollFor } from './waitFor'
import { freePort } from '../../src/host/utilities/freePort'

export type RunningApp = {
  baseUrl: string
  /** Resolves when npm exits. */
  exited: Promise<{ code: null | number; signal: NodeJS.Signals | null }>
  /** Parsed JSON log lines written so far. */
  logEntries: () => Record<string, unknown>[]
  /** Everything written to stdout and stderr so far. */
  output: () => string
  process: ChildProcess
  /** Sends a signal to npm and the server under it, as a process manager would. */
  signal: (signal: NodeJS.Signals) => void
  /** Waits until `check` holds, failing with the output so far. */
  waitFor: (check: () => boolean, what: string, timeoutMs?: number) => Promise<void>
}

/**
 * The README's `npm run dev` on an empty database, on a free port. Its own process group, so
 * the server under npm is stopped with npm itself.
 */
export const startApp = async (extraEnv: Record<string, string> = {}): Promise<RunningApp> => {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    DATABASE_URI: await freshDatabaseUri(),
    HOST: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'development',
    PORT: String(port),
  }
  delete env.PAYLOAD_SECRET
  delete env.NODE_OPTIONS
  // Next allows one dev server per folder: a suite on the other jest worker waits for this one.
  const release = await acquireCrossWorkerLock('next-dev')
  try {
    const child = spawn('npm', ['run', '--silent', 'dev'], { detached: true, env })
    child.once('exit', release)
    return await superviseServer(child, port, { group: true })
  } catch (error) {
    release()
    throw error
  }
}

/**
 * Collects a server's output and JSON log lines and resolves once it logs "listening".
 * `group`: the child leads its own process group (npm and the server under it).
 */
export const superviseServer = async (
  child: ChildProcess,
  port: number,
  { group = false }: { group?: boolean } = {},
): Promise<RunningApp> => {
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  child.on('error', (error) => (output += `spawn failed: ${error.message}`))
  const exited = new Promise<{ code: null | number; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )

  const logEntries = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)

  const waitFor = async (check: () => boolean, what: string, timeoutMs = 20_000) => {
    try {
      await pollFor(check, { intervalMs: 200, timeoutMs, what })
    } catch (error) {
      // The server's own output is what tells why it never got there.
      throw new Error(
        `${(error as Error).message} (exit code ${child.exitCode}); output so far:\n${output}`,
      )
    }
  }

  const app: RunningApp = {
    baseUrl: `http://127.0.0.1:${port}`,
    exited,
    logEntries,
    output: () => output,
    process: child,
    signal: (signal) => {
      if (child.pid && child.exitCode === null && child.signalCode === null) {
        process.kill(group ? -child.pid : child.pid, signal)
      }
    },
    waitFor,
  }
  try {
    await waitFor(
      () => logEntries().some((entry) => entry.msg === 'listening'),
      'the server to listen',
      120_000,
    )
  } catch (error) {
    // The suite gets no app to stop: a server left starting would hold the folder's .next (and
    // its port) for the next suite.
    app.signal('SIGKILL')
    throw error
  }
  return app
}
