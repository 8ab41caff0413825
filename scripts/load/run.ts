// Must stay the first import: it loads .env before anything reads process.env.
import { projectRoot } from '../../src/host/server/env'

import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { databaseKind } from '../../src/host/database/database'
import { freePort } from '../../src/host/utilities/freePort'
import { PRODUCTION_NODE_ARGS } from '../../src/host/server/productionCommand'
import { buildApp } from '../bench/server'
import { loadSection, runMixedLoad, withLoadSection } from './mixedLoad'

const USAGE = `Usage: npm run load -- [options]

Ten minutes of mixed load (readers on pages, delivery, REST and feeds; editors creating,
updating and publishing) against a production instance; figures go to docs/BENCHMARKS.md,
between its <!-- load --> markers.

  --duration <seconds>   how long to load (default 600)
  --readers <n>          concurrent readers (default 8)
  --editors <n>          concurrent editors (default 2)
  --skip-build           reuse the existing .next build
  --no-write             print the figures, leave docs/BENCHMARKS.md alone
  --database-uri <uri>   an EMPTY database (default: a new SQLite file; or DATABASE_URI)
`

const say = (message: string) => process.stderr.write(`[load] ${message}\n`)

const parseArgs = (argv: string[]) => {
  const options = {
    databaseUri: process.env.DATABASE_URI as string | undefined,
    durationS: 600,
    editors: 2,
    readers: 8,
    skipBuild: false,
    write: true,
  }
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value\n\n${USAGE}`)
      return next
    }
    const count = (name: string) => {
      const number = Number(value())
      if (!Number.isSafeInteger(number) || number < 1) throw new Error(`${name}: a whole number`)
      return number
    }
    switch (argv[i]) {
      case '--duration':
        options.durationS = count('--duration')
        break
      case '--readers':
        options.readers = count('--readers')
        break
      case '--editors':
        options.editors = count('--editors')
        break
      case '--skip-build':
        options.skipBuild = true
        break
      case '--no-write':
        options.write = false
        break
      case '--database-uri':
        options.databaseUri = value()
        break
      case '--help':
        process.stdout.write(USAGE)
        process.exit(0)
        break
      default:
        throw new Error(`unknown option ${argv[i]}\n\n${USAGE}`)
    }
  }
  return options
}

const main = async () => {
  const options = parseArgs(process.argv.slice(2))
  if (!options.skipBuild) {
    say('building (npm run build)')
    await buildApp(projectRoot)
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-load-'))
  const databaseUri = options.databaseUri ?? `file:${path.join(workDir, 'load.db')}`
  const port = await freePort()
  const logFile = path.join(workDir, 'server.log')
  const log = fs.openSync(logFile, 'a')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: databaseUri,
    HOST: '127.0.0.1',
    // For the memory route (/__bench/memory): where the RSS went, in the report.
    NEWSROOM_BENCH_REFERENCE: '1',
    NEWSROOM_SEED: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
  }
  delete env.NODE_OPTIONS
  const child = spawn(process.execPath, PRODUCTION_NODE_ARGS, {
    cwd: projectRoot,
    env,
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  const baseUrl = `http://127.0.0.1:${port}`
  try {
    // Ready only once this server says it listens on the port: a free port can be taken by
    // another process in between, and its answers must not be taken for this server's.
    const deadline = Date.now() + 180_000
    const listening = () =>
      fs.readFileSync(logFile, 'utf8').includes(`"url":"${baseUrl}","msg":"listening"`)
    while (
      !listening() ||
      !(await fetch(`${baseUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the server did not get ready; see ${logFile}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    child.once('exit', (code) => {
      say(`the server exited (${code}) during the run; see ${logFile}`)
      process.exit(1)
    })
    const register = await fetch(`${baseUrl}/api/users/first-register`, {
      body: JSON.stringify({
        email: 'load-admin@newsroom.test',
        name: 'Load Admin',
        password: randomBytes(12).toString('hex'),
      }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    const { token } = (await register.json()) as { token?: string }
    if (!token) throw new Error(`first-register answered ${register.status}`)

    say(`loading ${baseUrl} for ${options.durationS} s (log: ${logFile})`)
    // Taken as the load begins: the run's own load would count otherwise.
    const loadAtStart = os.loadavg()[0]
    const result = await runMixedLoad({
      baseUrl,
      durationMs: options.durationS * 1000,
      editors: options.editors,
      onProgress: (so) =>
        say(
          `${so.requests} requests, ${so.failed} failed, ${so.serverErrors} 5xx, RSS ${Math.round(so.rssEnd / 1048576)} MB`,
        ),
      pid: child.pid as number,
      readers: options.readers,
      token,
    })
    const section = loadSection(result, {
      date: new Date().toISOString().slice(0, 10),
      database: databaseKind(databaseUri),
      duration: `${options.durationS} s`,
      load: `${options.readers} readers, ${options.editors} editors (a request after another, no pause for readers; 250 ms between an editor's writes)`,
      machine: `${os.cpus().length} cores, Node ${process.version}; load average (1 min) ${loadAtStart.toFixed(2)} as the load began (the load generator runs on the same machine, so the request counts are not a throughput figure)`,
    })
    process.stdout.write(`${section}\n`)
    if (result.failures.length > 0) say(`first failures:\n  ${result.failures.join('\n  ')}`)
    if (options.write) {
      const file = path.join(projectRoot, 'docs', 'BENCHMARKS.md')
      // Formatted as the bench writes it, so the file stays as `npm run lint` wants it.
      const prettier = await import('prettier')
      const style = await prettier.resolveConfig(file)
      const markdown = withLoadSection(fs.readFileSync(file, 'utf8'), section)
      fs.writeFileSync(file, await prettier.format(markdown, { ...style, parser: 'markdown' }))
      say(`wrote the load section of ${file}`)
    }
    process.exitCode = result.failed === 0 && result.serverErrors === 0 ? 0 : 1
  } finally {
    child.removeAllListeners('exit')
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
