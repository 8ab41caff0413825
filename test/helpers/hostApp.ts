import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { acquireCrossWorkerLock } from './crossWorkerLock'
import { waitFor } from './waitFor'

/** Environment variables for a command; NODE_ENV among them only when a command needs it. */
export type Env = Record<string, string | undefined>

/** What a finished command wrote: stdout alone (for JSON) and everything, interleaved. */
export type CommandResult = { output: string; stdout: string }

type RunOptions = {
  cwd: string
  env: Env
  timeoutMs?: number
}

/**
 * The environment of this test run, without what belongs to it alone: jest's NODE_OPTIONS and
 * NODE_ENV, the repository's database settings and the npm_* variables of the `npm test` it
 * runs under (an inherited npm_config_* would point a host's npm at the repository).
 */
export const cleanEnv = (extra: Env = {}): Env => {
  const env: Env = {}
  const dropped = new Set([
    'DATABASE_URI',
    'HOST_OWN_MEDIA',
    'INIT_CWD',
    'NODE_ENV',
    'NODE_OPTIONS',
    'PAYLOAD_SECRET',
    'PORT',
  ])
  for (const [key, value] of Object.entries(process.env)) {
    if (!dropped.has(key) && !/^npm_/i.test(key)) {
      env[key] = value
    }
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/**
 * Runs a command to completion in its own process group (so a timeout stops everything under
 * it), and fails with its output when it exits with anything but 0.
 */
export const run = (
  command: string,
  args: string[],
  { cwd, env, timeoutMs = 600_000 }: RunOptions,
): Promise<CommandResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, env: env as NodeJS.ProcessEnv })
    let stdout = ''
    let output = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      output += chunk
    })
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    }, timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) {
        resolve({ output, stdout })
      } else {
        const how = signal ? `was killed by ${signal}` : `exited with ${code}`
        reject(new Error(`\`${command} ${args.join(' ')}\` in ${cwd} ${how}:\n${output}`))
      }
    })
  })

/**
 * `npm run pack:plugin` into `destination`: builds dist/package (the published package.json)
 * and packs that folder, as it is published. The build empties dist/, so a suite on the other
 * jest worker that packs too waits for this one.
 */
export const packPlugin = async (root: string, destination: string): Promise<CommandResult> => {
  const release = await acquireCrossWorkerLock('plugin-pack')
  try {
    const args = ['run', 'pack:plugin', '--', '--json', '--pack-destination', destination]
    return await run('npm', args, { cwd: root, env: cleanEnv(), timeoutMs: 300_000 })
  } finally {
    release()
  }
}

/**
 * An npm script of the host that runs Payload's CLI, checked by the line Payload prints once it
 * did its work. On Node 20 the CLI now and then exits 0 having done nothing and printed nothing:
 * its config import is dropped and nothing keeps the process alive (upstream
 * payloadcms/payload#17757, fix proposed in #17853). Such a run is retried, never taken for a
 * success.
 */
export const runPayloadCli = async (
  npmArgs: string[],
  options: RunOptions & { done: RegExp },
): Promise<CommandResult> => {
  const silentRuns: string[] = []
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    const result = await run('npm', npmArgs, options)
    if (options.done.test(result.output)) {
      return result
    }
    silentRuns.push(result.output)
    console.warn(`\`npm ${npmArgs.join(' ')}\` exited 0 without doing its work; running it again`)
  }
  throw new Error(
    `\`npm ${npmArgs.join(' ')}\` never printed ${options.done}; its runs said:\n` +
      silentRuns.join('\n---\n'),
  )
}

/** Every installed copy of a package under `root`'s node_modules, nested ones included. */
export const installedCopies = (root: string, name: string): string[] => {
  const copies: string[] = []
  const visit = (modules: string) => {
    if (!fs.existsSync(modules)) return
    for (const entry of fs.readdirSync(modules)) {
      if (entry.startsWith('.')) continue
      const packages = entry.startsWith('@')
        ? fs.readdirSync(path.join(modules, entry)).map((scoped) => path.join(entry, scoped))
        : [entry]
      for (const relative of packages) {
        const dir = path.join(modules, relative)
        if (relative === name && fs.existsSync(path.join(dir, 'package.json'))) {
          copies.push(path.relative(root, dir))
        }
        visit(path.join(dir, 'node_modules'))
      }
    }
  }
  visit(path.join(root, 'node_modules'))
  return copies
}

/** Every version `npm ls --all --json` shows for a package, anywhere in the tree. */
export const versionsInTree = (tree: unknown, name: string): string[] => {
  const found: string[] = []
  const visit = (node: unknown) => {
    const dependencies = (node as { dependencies?: Record<string, { version?: string }> })
      ?.dependencies
    for (const [dependency, child] of Object.entries(dependencies ?? {})) {
      if (dependency === name && child.version) found.push(child.version)
      visit(child)
    }
  }
  visit(tree)
  return found
}

export type RunningHost = {
  baseUrl: string
  output: () => string
  /** Stops `next start` and everything under it, and waits until it is gone. */
  stop: () => Promise<void>
}

/**
 * The host's `npm start` (next start) on a port, ready once Payload answers a REST call. `script`
 * names another npm script taking Next's `-p`/`-H` (`dev`, for a site not built yet), and
 * `readyWithinMs` how long its first answer may take (a dev server compiles on that request).
 */
export const startHost = async ({
  cwd,
  env,
  port,
  readyWithinMs = 120_000,
  script = 'start',
}: {
  cwd: string
  env: Env
  port: number
  readyWithinMs?: number
  script?: string
}): Promise<RunningHost> => {
  const child = spawn('npm', ['run', script, '--', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    detached: true,
    env: env as NodeJS.ProcessEnv,
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  // Closed once npm has exited and nothing holds its output any more: `next start` runs under
  // npm and, should npm go first, would keep the pipes (and this jest worker) alive.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  const running = () => child.exitCode === null && child.signalCode === null
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal)
    } catch {
      // The whole group has gone already.
    }
  }
  const stop = async () => {
    if (!child.pid) return
    // The whole group, even when npm itself has exited: the server may still be running.
    signalGroup('SIGTERM')
    const killer = setTimeout(() => signalGroup('SIGKILL'), 5_000)
    await closed
    clearTimeout(killer)
  }
  const baseUrl = `http://127.0.0.1:${port}`
  const answered = async (): Promise<'answered' | 'exited' | null> => {
    if (!running()) return 'exited'
    try {
      // The first REST call also makes Payload connect to the database.
      return (await fetch(`${baseUrl}/api/users/me`)).ok ? 'answered' : null
    } catch {
      return null // Not listening yet.
    }
  }
  let state: 'answered' | 'exited'
  try {
    state = await waitFor(answered, {
      intervalMs: 500,
      timeoutMs: readyWithinMs,
      what: 'the host to answer',
    })
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}:\n${output}`)
  }
  if (state === 'exited') {
    throw new Error(`the host exited before it answered:\n${output}`)
  }
  return { baseUrl, output: () => output, stop }
}

/**
 * What a host's server logged that is its own fault: Next's `⨯` lines, and Payload's ERROR
 * entries but those for a request it refused (Payload logs every 4xx at the error level).
 */
export const serverErrors = (output: string): string[] => {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '')
  const entries = plain.split(/\n(?=\[\d\d:\d\d:\d\d\] |⨯ )/)
  return entries
    .filter((entry) => /^(\[\d\d:\d\d:\d\d\] (ERROR|FATAL)|⨯ )/.test(entry))
    .filter((entry) => !/"status": 4\d\d,/.test(entry))
    .map((entry) => entry.split('\n').slice(0, 12).join('\n'))
}
