import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import http from 'node:http'

import { freshDatabaseUri } from './helpers/database'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'
import { waitFor } from './helpers/waitFor'

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
  {
    body,
    firstPieceSent,
    trickleMs = 0,
  }: { body?: string; firstPieceSent?: () => void; trickleMs?: number } = {},
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
      req.write(body.slice(sent, sent + size), sent === 0 ? firstPieceSent : undefined)
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
    /** Requests a reader sent after the listener had closed: the load balancer came too late. */
    let refused = 0
    const reader = async () => {
      for (let n = 0; !listenerGone && Date.now() < drainingSeenAt + 1000; n++) {
        const sentAt = Date.now()
        const outcome = await request(agent, n % 2 ? '/api/articles?limit=1' : '/healthz')
        if (outcome.error === 'ECONNREFUSED') {
          refused += 1
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
        const at = Date.now()
        probes.push({ at, error: outcome.error, status: outcome.status })
        if (outcome.status === 503) drainingSeenAt = Math.min(drainingSeenAt, at)
        // A probe every 200 ms, as a load balancer's: the pace of the scenario, not a wait.
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    const readers = Array.from({ length: 6 }, reader)
    const prober = probe()
    // Under load, until the load balancer has seen the instance ready and each reader has had
    // answers on its keep-alive connection.
    await waitFor(
      () => probes.some((p) => p.status === 200) && outcomes.length >= 2 * readers.length,
      { timeoutMs: 20_000, what: 'the probe to see 200 and the readers to have answers' },
    )

    // In flight from before the signal until after the drain: its body takes DRAIN_MS + 2 s.
    let slowUnderWay: () => void = () => undefined
    const slowSent = new Promise<void>((resolve) => {
      slowUnderWay = resolve
    })
    const slow = request(agent, '/api/users/login', {
      body: JSON.stringify({ email: 'nobody@newsroom.test', password: 'x'.repeat(400) }),
      firstPieceSent: () => slowUnderWay(),
      trickleMs: DRAIN_MS + 2000,
    })
    await slowSent
    sigtermAt = Date.now()
    process.kill(app.pid, 'SIGTERM')

    await Promise.all(readers)
    const exit = await app.exited
    listenerGone = true
    await prober
    const slowOutcome = await slow
    agent.destroy()

    expect(exit).toEqual({ code: 0, signal: null })
    // Stopped on its own once drained, nothing cut at the timeout (which logs another line).
    expect(app.output()).toContain('"msg":"stopped"')
    // The in-flight request was answered, not cut.
    expect(slowOutcome.error).toBeUndefined()
    expect(slowOutcome.status).toBeGreaterThanOrEqual(400)
    expect(slowOutcome.status).toBeLessThan(500)
    // Nothing reset: every request sent got its whole answer.
    expect(outcomes.filter((outcome) => outcome.error)).toEqual([])
    expect(outcomes.filter((outcome) => (outcome.status ?? 0) >= 500)).toEqual([])
    // Still serving during the drain, each answer telling the client to reconnect (requests
    // sent once the probe had seen the 503, so once the server had surely seen the signal).
    const duringDrain = outcomes.filter((outcome) => outcome.sentAt >= drainingSeenAt)
    expect(duringDrain.length).toBeGreaterThan(5)
    expect(duringDrain.every((outcome) => outcome.closeHeader)).toBe(true)
    // …and none was sent after the listener had closed: the load balancer had moved on (a slow
    // one may finish after it closed: in flight, it is answered all the same).
    expect(refused).toBe(0)
    expect(outcomes.some((outcome) => outcome.at < sigtermAt && !outcome.closeHeader)).toBe(true)
    // The probe saw 200 before the signal, then 503 alone while the listener was open.
    expect(probes.some((p) => p.at < sigtermAt && p.status === 200)).toBe(true)
    expect(probes.filter((p) => p.at >= drainingSeenAt).map((p) => p.status)).toContain(503)
    expect(probes.filter((p) => p.at >= drainingSeenAt && p.status !== 503)).toEqual([])
  })
})
