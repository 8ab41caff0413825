import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningApp, startApp } from './helpers/app'
import { caseCitation, doc, paragraph, pullQuote } from './helpers/lexical'

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

  it('renders the piece at /news/<slug>: headline, dates, body, related coverage in order, JSON-LD', async () => {
    const response = await fetch(`${baseUrl}/news/${SLUG}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(
      '<h1>Sessions overturns asylum precedent for women fleeing domestic violence</h1>',
    )
    expect(html).toContain('Published <time dateTime="2018-06-12T12:00:00.000Z">')
    expect(html).toContain('But Sessions rejected that reasoning.')
    const positions = [
      'President Trump claims migrant women are being taped up at the border',
      'Federal judge halts deportation of a woman who won a lawsuit over her immigration arrest',
      'Saudi teen who fled her family starts new life in Canada with a new name',
    ].map((headline) => html.indexOf(headline))
    expect(positions.every((position) => position > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)

    const jsonLd = JSON.parse(
      html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? 'null',
    )
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2018-06-12T12:00:00.000Z',
      headline: 'Sessions overturns asylum precedent for women fleeing domestic violence',
    })
    expect(jsonLd.relatedLink).toHaveLength(3)
  }, 120_000)

  it('lists the piece on the front page, linking to its page', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text()
    expect(html).toContain(`href="/news/${SLUG}"`)
  }, 120_000)

  it('answers unknown stories with a real 404', async () => {
    expect((await fetch(`${baseUrl}/news/no-such-story`)).status).toBe(404)
  }, 60_000)

  it('escapes what editors type and renders pull quotes and case citations', async () => {
    const login = await fetch(`${baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    const { token } = await login.json()
    const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    const find = async (path: string) => (await (await fetch(`${baseUrl}${path}`)).json()).docs[0]
    const quote = await find('/api/quotes?where[speaker.name][equals]=Jeff%20Sessions')
    const arcg = await find('/api/cases?where[slug][equals]=matter-of-a-r-c-g')
    const created = await fetch(`${baseUrl}/api/articles`, {
      body: JSON.stringify({
        _status: 'published',
        body: doc(paragraph('It overruled ', caseCitation(arcg.id), '.'), pullQuote(quote.id)),
        headline: '<script>alert(1)</script> and other tricks',
        slug: 'tricks',
      }),
      headers: auth,
      method: 'POST',
    })
    expect(created.status).toBe(201)
    const html = await (await fetch(`${baseUrl}/news/tricks`)).text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; and other tricks')
    expect(html).toContain('<a href="/cases/matter-of-a-r-c-g">Matter of A-R-C-G-</a>')
    expect(html).toContain(quote.text)
    expect(html).toContain('Jeff Sessions, Attorney General')

    const casePage = await fetch(`${baseUrl}/cases/matter-of-a-r-c-g`)
    expect(casePage.status).toBe(200)
    const caseHtml = (await casePage.text()).split('Line of precedent')[1] ?? ''
    const chain = ['Matter of Kasinga', 'Matter of R-A-', 'Matter of A-B-'].map((caption) =>
      caseHtml.indexOf(caption),
    )
    expect(chain.every((position) => position > 0)).toBe(true)
    expect([...chain].sort((a, b) => a - b)).toEqual(chain)
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
