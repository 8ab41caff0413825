import type { RequestHandler } from 'express'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type NewsroomServer, startServer } from '../src/host/server/createServer'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { captureRequestLog } from './helpers/requestLog'
import { waitFor } from './helpers/waitFor'

let ctx: TestPayload
let server: NewsroomServer

/** The requests to /slow the server holds, each answered when the test says so. */
const heldSlow: (() => void)[] = []

/** Stands in for Next: a route that answers only when let go, so shutdown has something in flight. */
const slowFallback: RequestHandler = (req, res) => {
  if (req.path === '/slow') {
    heldSlow.push(() => res.status(200).send('finished'))
    return
  }
  res.status(404).send('not found')
}

beforeAll(async () => {
  ctx = await startTestPayload()
  server = await startServer({
    fallback: slowFallback,
    host: '127.0.0.1',
    payload: ctx.payload,
    port: 0,
  })
})

afterAll(async () => {
  await server?.shutdown()
})

describe('health endpoints', () => {
  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers /readyz with 200 when the database answers a query', async () => {
    const response = await fetch(`${server.url}/readyz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ database: 'ok', status: 'ready' })
  })
})

describe('request log', () => {
  it('writes one JSON line per request with method, path, status and duration', async () => {
    const entries = await captureRequestLog(
      async () => {
        await (await fetch(`${server.url}/healthz`)).text()
        await (await fetch(`${server.url}/nowhere?x=1`)).text()
      },
      { lines: 2 },
    )
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/healthz',
      status: 200,
    })
    expect(entries[1]).toMatchObject({ method: 'GET', path: '/nowhere?x=1', status: 404 })
    for (const entry of entries) {
      expect(typeof entry.durationMs).toBe('number')
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(Date.parse(String(entry.time))).not.toBeNaN()
    }
  })
})

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, refuses new ones, then closes the database', async () => {
    const inFlight = fetch(`${server.url}/slow`)
    const letGo = await waitFor(() => heldSlow.shift(), { what: 'the server to hold /slow' })
    const stopping = server.shutdown()
    // In flight while the server stops: answered only once the listener has closed.
    await waitFor(() => !server.server.listening, { what: 'the listener to close' })
    letGo()

    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('finished')

    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
    await stopping
    // A closed connection refuses the query, or on MongoDB queues it unanswered (mongoose holds
    // queries for a connection to come back), so no answer within a bound counts as closed too:
    // a negative check, the one place here a time stands for "never".
    await expect(
      Promise.race([
        ctx.payload.count({ collection: 'users' }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 1500)),
      ]),
    ).rejects.toThrow()
  })

  it('reports 503 on /readyz when the database cannot be reached', async () => {
    // The previous test closed this instance's database connection.
    const second = await startServer({
      fallback: slowFallback,
      host: '127.0.0.1',
      payload: ctx.payload,
      port: 0,
    })
    try {
      const response = await fetch(`${second.url}/readyz`)
      expect(response.status).toBe(503)
      expect(await response.json()).toMatchObject({ database: 'unreachable', status: 'not-ready' })
      const health = await fetch(`${second.url}/healthz`)
      expect(health.status).toBe(200)
    } finally {
      second.server.close()
    }
  })
})
