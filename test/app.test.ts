import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningApp, startApp } from './helpers/app'

/**
 * The README's `npm run dev`, end to end: the real express server and Next, on an empty
 * database, as a newcomer would start it.
 */

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'

let app: RunningApp
let baseUrl: string

beforeAll(async () => {
  app = await startApp()
  baseUrl = app.baseUrl
}, 150_000)

afterAll(() => {
  app?.signal('SIGKILL')
})

describe('npm run dev on an empty database', () => {
  it('says it fell back to the development secret', () => {
    expect(app.output()).toContain('PAYLOAD_SECRET is not set')
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

  it('logged each request as one structured line', async () => {
    // A line is written when its response finishes, which can trail the client a little.
    await app.waitFor(
      () => app.logEntries().some((entry) => entry.msg === 'request' && entry.path === '/admin'),
      'the /admin request line',
    )
    const requests = app.logEntries().filter((entry) => entry.msg === 'request')
    expect(requests.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['/readyz', '/api/graphql', '/admin']),
    )
  })

  it('stops cleanly on SIGTERM', async () => {
    // To the whole group, as a process manager would: npm does not wait for its child.
    app.signal('SIGTERM')
    await app.waitFor(
      () => app.logEntries().some((entry) => entry.msg === 'stopped'),
      'the app to stop',
      20_000,
    )
    await app.exited
    const messages = app.logEntries().map((entry) => entry.msg)
    expect(messages.indexOf('shutting down')).toBeGreaterThan(messages.indexOf('listening'))
    expect(app.output()).not.toContain('shutdown failed')
  }, 30_000)
})
