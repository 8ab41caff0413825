import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { beforeExpress } from '../src/host/server/beforeExpress'
import { flushLog, logLater, logLine } from '../src/host/server/log'
import { logRawAnswer } from '../src/host/server/requestLogger'
import { captureLogLines, captureRequestLog } from './helpers/requestLog'

/**
 * The lines carrying `n` that this process writes while `act` runs, with no flush at the end.
 * Only those: a suite run before this one in the same process has its own copy of the log
 * module, whose gathered request lines can be written meanwhile.
 */
const captureStdout = async (
  act: () => Promise<void>,
  until?: (entries: Record<string, unknown>[]) => boolean,
) => (await captureLogLines(act, { flush: false, until })).filter((entry) => entry.n !== undefined)

/** Holds the event loop until the millisecond clock has passed `time`. */
const busyUntilPast = (time: number) => {
  while (Date.now() <= time) {
    // The clock must move on while nothing else runs.
  }
}

describe('lines made later', () => {
  it('keep the time they were logged at and their place before lines logged after them', async () => {
    let before = 0
    let after = 0
    const lines = await captureStdout(async () => {
      before = Date.now()
      logLater('info', { n: 1 }, 'first')
      after = Date.now()
      busyUntilPast(after)
      logLine('warn', { msg: 'second', n: 2 })
      logLater('info', { n: 3 }, 'third')
      flushLog()
    })
    const first = Date.parse(String(lines[0].time))
    expect(first).toBeGreaterThanOrEqual(before)
    expect(first).toBeLessThanOrEqual(after)
    expect(lines.map(({ level, msg, n }) => ({ level, msg, n }))).toEqual([
      { level: 'info', msg: 'first', n: 1 },
      { level: 'warn', msg: 'second', n: 2 },
      { level: 'info', msg: 'third', n: 3 },
    ])
    expect(Date.parse(String(lines[1].time))).toBeGreaterThan(Date.parse(String(lines[0].time)))
  })

  it("are written by the log's own timer with no other line or flush to push them out", async () => {
    // Nothing here writes the log out: the line is seen only if the log's own timer writes it.
    const lines = await captureStdout(
      async () => logLater('info', { n: 1 }, 'alone'),
      (entries) => entries.some((entry) => entry.n === 1),
    )
    expect(lines).toMatchObject([{ msg: 'alone', n: 1 }])
  })
})

describe('answers made before express', () => {
  let server: http.Server
  let url: string
  let closedSlow: Promise<void>
  let slowClosed: () => void
  let arrivedSlow: Promise<void>
  let slowArrived: () => void
  /** Told when the stand-in for express has closed its response. */
  let expressClosed: () => void = () => undefined

  beforeAll(async () => {
    closedSlow = new Promise((resolve) => {
      slowClosed = resolve
    })
    arrivedSlow = new Promise((resolve) => {
      slowArrived = resolve
    })
    const app: http.RequestListener = (_req, res) => {
      res.once('close', () => expressClosed())
      res.statusCode = 404
      res.end('express')
    }
    server = http.createServer(
      beforeExpress(
        [
          (req, res, next) => {
            if (req.url === '/hit') {
              res.writeHead(200, { 'content-type': 'text/plain' })
              res.end('hit')
            } else if (req.url === '/slow') {
              // Never answers: the client gives up first.
              res.once('close', () => slowClosed())
              slowArrived()
            } else {
              next()
            }
          },
        ],
        app,
        logRawAnswer,
      ),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('logs a hit once, with the request id it came with and none made up', async () => {
    const entries = await captureRequestLog(
      async () => {
        await (await fetch(`${url}/hit`)).text()
        await (await fetch(`${url}/hit`, { headers: { 'x-request-id': 'edge-7' } })).text()
      },
      { lines: 2 },
    )
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/hit', status: 200 })
    expect(entries[0].requestId).toBeUndefined()
    expect(entries[1]).toMatchObject({ path: '/hit', requestId: 'edge-7', status: 200 })
    expect(typeof entries[0].durationMs).toBe('number')
  })

  it('logs a request the client left before its answer as a 499', async () => {
    const entries = await captureRequestLog(
      async () => {
        const controller = new AbortController()
        const request = fetch(`${url}/slow`, { signal: controller.signal }).catch(() => undefined)
        // Left once the server holds it, so that it is the server that sees the client go.
        await arrivedSlow
        controller.abort()
        await request
        await closedSlow
      },
      { lines: 1 },
    )
    expect(entries).toMatchObject([{ path: '/slow', status: 499 }])
  })

  it('leaves what it passes on to express for express to log', async () => {
    const entries = await captureRequestLog(
      async () => {
        const closed = new Promise<void>((resolve) => {
          expressClosed = resolve
        })
        const response = await fetch(`${url}/elsewhere`)
        expect(await response.text()).toBe('express')
        // Any line for it would be logged by the time its response has closed on the server.
        await closed
      },
      { lines: 0 },
    )
    expect(entries).toEqual([])
  })
})
