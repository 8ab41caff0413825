import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../../src/host/utilities/freePort'
import { PRODUCTION_NODE_ARGS } from '../../src/host/server/productionCommand'
import { type RunningApp, superviseServer } from './app'
import { acquireCrossWorkerLock } from './crossWorkerLock'

const root = process.cwd()
const buildKeyFile = path.join(root, '.next', 'newsroom-build-key')

/** One secret for every instance of a test run, so a session from one is valid on another. */
const sharedSecret = randomBytes(24).toString('hex')

/**
 * What the build was made from: every tracked file as committed plus every uncommitted change,
 * so a suite never serves pages from an older tree, and the three database passes of CI build
 * once. The suites themselves (test/) are left out: no page is built from them, and a changed
 * test should not cost a build.
 */
const sourceKey = (): string => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' })
  const built = (file: string) => file !== '' && !file.startsWith('test/')
  const hash = createHash('sha256')
  for (const line of git('ls-tree', '-r', 'HEAD').split('\n')) {
    if (built(line.slice(line.indexOf('\t') + 1))) hash.update(line)
  }
  hash.update(git('diff', 'HEAD', '--', '.', ':(exclude)test'))
  for (const file of git('ls-files', '--others', '--exclude-standard').split('\n').sort()) {
    if (built(file) && fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile()) {
      hash.update(file).update(fs.readFileSync(path.join(root, file)))
    }
  }
  return hash.digest('hex')
}

/**
 * `npm run build`, once per source tree: later calls (and later suites) reuse it. One jest
 * worker builds while the other waits for it (the build empties .next, which running servers
 * read).
 */
export const ensureProductionBuild = async (): Promise<void> => {
  const key = sourceKey()
  if (fs.existsSync(buildKeyFile) && fs.readFileSync(buildKeyFile, 'utf8') === key) {
    return
  }
  const release = await acquireCrossWorkerLock('next-build')
  try {
    if (!fs.existsSync(buildKeyFile) || fs.readFileSync(buildKeyFile, 'utf8') !== key) {
      await build(key)
    }
  } finally {
    release()
  }
}

const build = async (key: string): Promise<void> => {
  // jest's NODE_OPTIONS and NODE_ENV=test belong to jest, not to the build.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  Reflect.deleteProperty(env, 'NODE_ENV')
  delete env.NODE_OPTIONS
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build'], { cwd: root, env })
    let text = ''
    child.stdout.on('data', (chunk) => (text += chunk))
    child.stderr.on('data', (chunk) => (text += chunk))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`npm run build failed (${code}):\n${text}`)),
    )
  })
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error(`npm run build left no .next/BUILD_ID:\n${output}`)
  }
  fs.writeFileSync(buildKeyFile, key)
}

export type ProductionApp = RunningApp & {
  port: number
  /** The server's own pid (no npm in between), for kill -9. */
  pid: number
}

export type ProductionOptions = {
  /** The database every instance of one test shares. */
  databaseUri: string
  /** More environment: S3 settings, limits, NEWSROOM_SEED=true, ... */
  env?: Record<string, string>
  /** Reuse a port, to restart an instance where a load balancer expects it. */
  port?: number
}

/**
 * `npm start` as an operator runs it (NODE_ENV=production, migrations on start, the page cache
 * on), but as the server process itself, so signals reach it directly. Call
 * `ensureProductionBuild()` first, once per suite.
 */
export const startProductionApp = async ({
  databaseUri,
  env: extraEnv = {},
  port: wantedPort,
}: ProductionOptions): Promise<ProductionApp> => {
  const port = wantedPort ?? (await freePort())
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    NEWSROOM_SEED: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: sharedSecret,
    ...extraEnv,
    DATABASE_URI: databaseUri,
    NODE_ENV: 'production',
    PORT: String(port),
  }
  delete env.NODE_OPTIONS
  const child: ChildProcess = spawn(process.execPath, PRODUCTION_NODE_ARGS, { cwd: root, env })
  const app = await superviseServer(child, port)
  return { ...app, pid: child.pid as number, port }
}
