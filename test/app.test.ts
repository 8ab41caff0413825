import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'

import { freshDatabaseUri } from './helpers/database'

/**
 * The README's `npm run dev`, end to end: the real express server and Next, on an empty
 * database, as a newcomer would start it.
 */

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'

let app: ChildProcess
let baseUrl: string
let output = ''
let exit: Promise<{ code: null | number; signal: NodeJS.Signals | null }>

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

const logEntries = () =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

const waitFor = async (check: () => boolean, what: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what} (exit code ${app.exitCode}); output so far:\n${output}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

beforeAll(async () => {
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: await freshDatabaseUri(),
    HOST: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'development',
    PORT: String(port),
  }
  delete env.PAYLOAD_SECRET
  delete env.NODE_OPTIONS
  // Its own process group, so the server under npm can be stopped with npm itself.
  app = spawn('npm', ['run', '--silent', 'dev'], { detached: true, env })
  app.stdout?.on('data', (chunk) => (output += chunk))
  app.stderr?.on('data', (chunk) => (output += chunk))
  app.on('error', (error) => (output += `spawn failed: ${error.message}`))
  exit = new Promise((resolve) => app.once('exit', (code, signal) => resolve({ code, signal })))
  await waitFor(
    () => logEntries().some((entry) => entry.msg === 'listening'),
    'the server to listen',
    120_000,
  )
}, 150_000)

afterAll(() => {
  if (app?.pid && app.exitCode === null && app.signalCode === null) {
    process.kill(-app.pid, 'SIGKILL')
  }
})

describe('npm run dev on an empty database', () => {
  it('says it fell back to the development secret', () => {
    expect(output).toContain('PAYLOAD_SECRET is not set')
  })

  it('is ready, with the piece seeded and served through REST', async () => {
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200)
    const response = await fetch(`${baseUrl}/api/articles?where[slug][equals]=${SLUG}&depth=2`)
    expect(response.status).toBe(200)
    const { docs } = await response.json()
    expect(docs).toHaveLength(1)
    expect(docs[0].relatedCoverage.map((item: { headline: string }) => item.headline)).toEqual([
      'President Trump claims migrant women are being taped up at the border',
      'Federal judge halts deportation of a woman who won a lawsuit over her immigration arrest',
      'Saudi teen who fled her family starts new life in Canada with a new name',
    ])
  }, 120_000)

  it('serves GraphQL at /api/graphql', async () => {
    const response = await fetch(`${baseUrl}/api/graphql`, {
      body: JSON.stringify({ query: '{ Cases(sort: "decidedAt") { docs { caption } } }' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    const { data } = await response.json()
    expect(data.Cases.docs.map((record: { caption: string }) => record.caption)).toEqual([
      'Matter of Kasinga',
      'Matter of R-A-',
      'Matter of A-R-C-G-',
      'Matter of A-B-',
    ])
  }, 120_000)

  it('serves the admin at /admin', async () => {
    const response = await fetch(`${baseUrl}/admin`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<html')
  }, 120_000)

  it('logged each request as one structured line', () => {
    const requests = logEntries().filter((entry) => entry.msg === 'request')
    expect(requests.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['/readyz', '/api/graphql', '/admin']),
    )
  })

  it('stops cleanly on SIGTERM', async () => {
    // To the whole group, as a process manager would: npm does not wait for its child.
    process.kill(-(app.pid as number), 'SIGTERM')
    await waitFor(
      () => logEntries().some((entry) => entry.msg === 'stopped'),
      'the app to stop',
      20_000,
    )
    await exit
    const messages = logEntries().map((entry) => entry.msg)
    expect(messages.indexOf('shutting down')).toBeGreaterThan(messages.indexOf('listening'))
    expect(output).not.toContain('shutdown failed')
  }, 30_000)
})
