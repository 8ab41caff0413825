import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import http from 'node:http'

import { freshDatabaseUri } from './helpers/database'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'

/**
 * SIGTERM to a production instance under keep-alive load, as a load balancer or an orchestrator
 * sends it: the instance says it is going (`/readyz` 503) while it still serves, tells every
 * keep-alive client to reconnect, finishes what is in flight, resets nothing and exits 0.
 * One database is enough: the drain is the server's, not the adapter's (runs on each anyway).
 */
const DRAIN_MS = 3000
const TIMEOUT_MS = 15_000

jest.setTimeout(5 * 60_000)

let app: ProductionApp

type Outcome = { closeHeader: boolean; error?: string; status?: number }

const request = (
  agent: http.Agent | false,
  path: string,
  { body, trickleMs = 0 }: { body?: string; trickleMs?: number } = {},
): Promise<Outcome> =>
  new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        headers: body
          ? { 'content-length': Buffer.byteLength(body), 'content-type': 'application/json' }
          : {},
        host: '127.0.0.1',
        method: body ? 'POST' : 'GET',
        path,
        port: app.port,
      },
      (res) => {
        res.resume()
        res.once('end', () =>
          resolve({ closeHeader: res.headers.connection === 'close', status: res.statusCode }),
        )
        res.once('error', (error) => resolve({ closeHeader: false, error: String(error) }))
      },
    )
    req.once('error', (error: NodeJS.ErrnoException) =>
      resolve({ closeHeader: false, error: error.code ?? error.message }),
    )
    if (!body) {
      req.end()
      return
    }
    // A client that sends its body slowly keeps the request in flight across the drain.
    const pieces = 10
    const size = Math.ceil(body.length / pieces)
    let sent = 0
    const next = () => {
      req.write(body.slice(sent, sent + size))
      sent += size
      if (sent >= body.length) req.end()
      else setTimeout(next, trickleMs / pieces)
    }
    next()
  })

beforeAll(async () => {
  await ensureProductionBuild()
  app = await startProductionApp({
    databaseUri: await freshDatabaseUri(),
    env: {
      NEWSROOM_SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      NEWSROOM_SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
    },
  })
})

afterAll(async () => {
  app?.signal('SIGKILL')
  await app?.exited
})

describe('graceful shutdown under keep-alive load', () => {
  it('drains with /readyz 503 and Connection: close, resets nothing, finishes in-flight requests and exits 0', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })
    let sigtermAt = 0
    let listenerGone = false
    const outcomes: (Outcome & { at: number; sentAt: number })[] = []

    // Readers on keep-alive connections, sent by a load balancer: it stops sending new requests
    // here a second after its probe has seen the 503 (well within the drain).
    let drainingSeenAt = Number.POSITIVE_INFINITY
    const reader = async () => {
      for (let n = 0; !listenerGone && Date.now() < drainingSeenAt + 1000; n++) {
        const sentAt = Date.now()
        const outcome = await request(agent, n % 2 ? '/api/articles?limit=1' : '/healthz')
        if (outcome.error === 'ECONNREFUSED') {
          listenerGone = true
          break
        }
        outcomes.push({ ...outcome, at: Date.now(), sentAt })
      }
    }
    // A load balancer's probe, on a new connection each time.
    const probes: { at: number; status?: number; error?: string }[] = []
    const probe = async () => {
      while (!listenerGone) {
        const outcome = await request(false, '/readyz')
        if (outcome.error === 'ECONNREFUSED') break
        probes.push({ at: Date.now(), error: outcome.error, status: outcome.status })
        if (outcome.status === 503) drainingSeenAt = Math.min(drainingSeenAt, Date.now())
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    const readers = Array.from({ length: 6 }, reader)
    const prober = probe()
    // Under load, until the load balancer has seen the instance ready.
    const ready = Date.now() + 20_000
    while (!probes.some((p) => p.status === 200) && Date.now() < ready) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await new Promise((resolve) => setTimeout(resolve, 500))

    // In flight from before the signal until after the drain: its body takes DRAIN_MS + 2 s.
    const slow = request(agent, '/api/users/login', {
      body: JSON.stringify({ email: 'nobody@newsroom.test', password: 'x'.repeat(400) }),
      trickleMs: DRAIN_MS + 2000,
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    sigtermAt = Date.now()
    process.kill(app.pid, 'SIGTERM')

    await Promise.all(readers)
    const exit = await app.exited
    const exitedAfter = Date.now() - sigtermAt
    listenerGone = true
    await prober
    const slowOutcome = await slow
    agent.destroy()

    expect(exit).toEqual({ code: 0, signal: null })
    expect(exitedAfter).toBeLessThan(TIMEOUT_MS)
    // The in-flight request was answered, not cut.
    expect(slowOutcome.error).toBeUndefined()
    expect(slowOutcome.status).toBeGreaterThanOrEqual(400)
    expect(slowOutcome.status).toBeLessThan(500)
    // Nothing reset: every request sent got its whole answer.
    expect(outcomes.filter((outcome) => outcome.error)).toEqual([])
    expect(outcomes.filter((outcome) => (outcome.status ?? 0) >= 500)).toEqual([])
    // Still serving during the drain, each answer telling the client to reconnect (requests
    // sent once the server has surely seen the signal: a loaded machine may take a moment).
    const duringDrain = outcomes.filter((outcome) => outcome.sentAt > sigtermAt + 500)
    expect(duringDrain.length).toBeGreaterThan(5)
    // …and all were sent while the listener was still open: the load balancer had moved on
    // (a slow one may finish after it closed: in flight, it is answered all the same).
    expect(Math.max(...outcomes.map((outcome) => outcome.sentAt))).toBeLessThan(
      sigtermAt + DRAIN_MS,
    )
    expect(duringDrain.every((outcome) => outcome.closeHeader)).toBe(true)
    expect(outcomes.some((outcome) => outcome.at < sigtermAt && !outcome.closeHeader)).toBe(true)
    // The probe saw 200 before the signal and 503 after it, while the listener was open.
    expect(probes.some((p) => p.at < sigtermAt && p.status === 200)).toBe(true)
    expect(probes.filter((p) => p.at > sigtermAt + 300).map((p) => p.status)).toContain(503)
    expect(probes.filter((p) => p.at > sigtermAt + 300 && p.status !== 503)).toEqual([])
    expect(app.output()).toContain('"msg":"stopped"')
  })
})
