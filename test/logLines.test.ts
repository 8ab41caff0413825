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
const captureStdout = async (act: () => Promise<void>) =>
  (await captureLogLines(act, { flushAtEnd: false })).filter((entry) => entry.n !== undefined)

const busyFor = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until) {
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
      busyFor(5)
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

  it('are written within the flush interval with no other line or flush to push them out', async () => {
    const lines = await captureStdout(async () => {
      logLater('info', { n: 1 }, 'alone')
      await new Promise((resolve) => setTimeout(resolve, 100))
    })
    expect(lines).toMatchObject([{ msg: 'alone', n: 1 }])
  })
})

describe('answers made before express', () => {
  let server: http.Server
  let url: string
  let closedSlow: Promise<void>
  let slowClosed: () => void

  beforeAll(async () => {
    closedSlow = new Promise((resolve) => {
      slowClosed = resolve
    })
    const app: http.RequestListener = (_req, res) => {
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
    const entries = await captureRequestLog(async () => {
      await (await fetch(`${url}/hit`)).text()
      await (await fetch(`${url}/hit`, { headers: { 'x-request-id': 'edge-7' } })).text()
    })
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/hit', status: 200 })
    expect(entries[0].requestId).toBeUndefined()
    expect(entries[1]).toMatchObject({ path: '/hit', requestId: 'edge-7', status: 200 })
    expect(typeof entries[0].durationMs).toBe('number')
  })

  it('logs a request the client left before its answer as a 499', async () => {
    const entries = await captureRequestLog(async () => {
      const controller = new AbortController()
      const request = fetch(`${url}/slow`, { signal: controller.signal }).catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 100))
      controller.abort()
      await request
      await closedSlow
    })
    expect(entries).toMatchObject([{ path: '/slow', status: 499 }])
  })

  it('leaves what it passes on to express for express to log', async () => {
    const entries = await captureRequestLog(async () => {
      const response = await fetch(`${url}/elsewhere`)
      expect(await response.text()).toBe('express')
    })
    expect(entries).toEqual([])
  })
})
