import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import { freePort } from '../../src/host/utilities/freePort'
import { PRODUCTION_NODE_ARGS } from '../../src/host/server/productionCommand'

const READY_TIMEOUT_MS = 180_000
const STOP_TIMEOUT_MS = 20_000

export type BenchServer = {
  baseUrl: string
  /** The server's JSON log lines, one per request among them. */
  logFile: string
  pid: number | undefined
  /** SIGTERM, as a process manager stops it; SIGKILL if it has not exited in time. */
  stop: () => Promise<void>
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve()
      return
    }
    child.once('exit', () => resolve())
  })

/** `npm run build`, the production Next build `npm start` serves. */
export const buildApp = async (root: string): Promise<void> => {
  const child = spawn('npm', ['run', 'build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await exited(child)
  if (child.exitCode !== 0) {
    throw new Error(`npm run build failed (exit code ${child.exitCode})`)
  }
}

type StartArgs = {
  databaseUri: string
  logFile: string
  root: string
}

/**
 * The same entry as `npm start` (NODE_ENV=production, the committed migrations), on a free
 * port with SERVER_URL set to it, with a throwaway secret, no seeding and the benchmark's
 * reference route switched on.
 * Its log goes to a file: piping it here would make the server wait on this process.
 */
export const startBenchServer = async ({
  databaseUri,
  logFile,
  root,
}: StartArgs): Promise<BenchServer> => {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: databaseUri,
    HOST: '127.0.0.1',
    NEWSROOM_BENCH_REFERENCE: '1',
    NEWSROOM_SEED: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
    PORT: String(port),
    // As a deployment behind a CDN or Varnish runs: one public origin, so pages are cached once
    // whatever Host a request came with (without it the page cache keeps a copy per Host, and
    // Varnish's fetches, which carry Varnish's own, rendered and held every page a second time).
    SERVER_URL: `http://127.0.0.1:${port}`,
  }
  delete env.NODE_OPTIONS
  const log = fs.openSync(logFile, 'a')
  const child = spawn(process.execPath, PRODUCTION_NODE_ARGS, {
    cwd: root,
    detached: true,
    env,
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  const baseUrl = `http://127.0.0.1:${port}`

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
      return
    }
    process.kill(-child.pid, 'SIGTERM')
    const timer = setTimeout(
      () => child.pid && process.kill(-child.pid, 'SIGKILL'),
      STOP_TIMEOUT_MS,
    )
    await exited(child)
    clearTimeout(timer)
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited before it was ready; see ${logFile}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(
        `the server was not ready within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`,
      )
    }
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) {
      return { baseUrl, logFile, pid: child.pid, stop }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
