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

const editorHeaders = async () => {
  const login = await fetch(`${baseUrl}/api/users/login`, {
    body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  const { token } = await login.json()
  return { authorization: `JWT ${token}`, 'content-type': 'application/json' }
}

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

    // The cases the story names link to their pages in its own words, citation on hover.
    expect(html).toContain(
      'known as <cite class="case-citation"><a href="/cases/matter-of-kasinga" title="Matter of Kasinga, 21 I&amp;N Dec. 357 (BIA 1996)">Matter of Kasinga</a></cite>, centered',
    )
    // Pull quotes name their speaker, linked to the person's page; the box lists the cases.
    expect(html).toContain(
      '<figcaption><a href="/people/karen-musalo">Karen Musalo</a>, Director, Center for Gender',
    )
    expect(html).toContain('<h2 id="story-cases-title">Cases in this story</h2>')
    expect(html).toContain('<a href="/cases/matter-of-kasinga">Matter of Kasinga</a>')
  }, 120_000)

  it('lists the piece on the front page, linking to its page', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text()
    expect(html).toContain(`href="/news/${SLUG}"`)
  }, 120_000)

  it('answers unknown stories with a real 404', async () => {
    const missing = await fetch(`${baseUrl}/news/no-such-story`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('Page not found')
  }, 60_000)

  it('escapes what editors type and renders pull quotes and case citations', async () => {
    const auth = await editorHeaders()
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
    expect(html).toContain('<a href="/people/jeff-sessions">Jeff Sessions</a>, Attorney General')

    const casePage = await fetch(`${baseUrl}/cases/matter-of-a-r-c-g`)
    expect(casePage.status).toBe(200)
    const caseHtml = (await casePage.text()).split('Line of precedent')[1] ?? ''
    const chain = ['Matter of Kasinga', 'Matter of R-A-', 'Matter of A-B-'].map((caption) =>
      caseHtml.indexOf(caption),
    )
    expect(chain.every((position) => position > 0)).toBe(true)
    expect([...chain].sort((a, b) => a - b)).toEqual(chain)
  }, 120_000)

  it('shows a publish, an edit and an unpublish on the very next request, page and front page', async () => {
    const auth = await editorHeaders()
    const created = await fetch(`${baseUrl}/api/articles`, {
      body: JSON.stringify({
        _status: 'draft',
        headline: 'Court hears the appeal',
        slug: 'appeal',
      }),
      headers: auth,
      method: 'POST',
    })
    expect(created.status).toBe(201)
    const { doc: article } = await created.json()
    const page = () => fetch(`${baseUrl}/news/appeal`)
    const frontPage = async () => (await fetch(`${baseUrl}/`)).text()
    const patch = (data: Record<string, unknown>) =>
      fetch(`${baseUrl}/api/articles/${article.id}`, {
        body: JSON.stringify(data),
        headers: auth,
        method: 'PATCH',
      })

    expect((await page()).status).toBe(404)
    expect(await frontPage()).not.toContain('href="/news/appeal"')

    expect((await patch({ _status: 'published' })).status).toBe(200)
    const live = await page()
    expect(live.status).toBe(200)
    expect(await live.text()).toContain('<h1>Court hears the appeal</h1>')
    expect(await frontPage()).toContain('href="/news/appeal"')

    expect(
      (await patch({ _status: 'published', headline: 'Court rules on the appeal' })).status,
    ).toBe(200)
    const edited = await (await page()).text()
    expect(edited).toContain('<h1>Court rules on the appeal</h1>')
    expect(edited).not.toContain('Court hears the appeal')

    expect((await patch({ _status: 'draft' })).status).toBe(200)
    expect((await page()).status).toBe(404)
    expect(await frontPage()).not.toContain('href="/news/appeal"')
  }, 120_000)

  it('previews the latest draft for signed-in staff only, never for readers', async () => {
    const auth = await editorHeaders()
    const { doc: article } = await (
      await fetch(`${baseUrl}/api/articles`, {
        body: JSON.stringify({
          _status: 'published',
          headline: 'Published headline',
          slug: 'preview-me',
        }),
        headers: auth,
        method: 'POST',
      })
    ).json()
    const saved = await fetch(`${baseUrl}/api/articles/${article.id}?draft=true`, {
      body: JSON.stringify({ headline: 'Draft headline, not yet out' }),
      headers: auth,
      method: 'PATCH',
    })
    expect(saved.status).toBe(200)
    const path = encodeURIComponent('/news/preview-me')

    // A reader cannot turn preview on, and is not sent anywhere else by the link.
    expect((await fetch(`${baseUrl}/preview?path=${path}`, { redirect: 'manual' })).status).toBe(
      401,
    )
    const offSite = await fetch(`${baseUrl}/preview?path=//example.com`, {
      headers: { authorization: auth.authorization },
      redirect: 'manual',
    })
    expect(offSite.status).toBe(400)

    const entered = await fetch(`${baseUrl}/preview?path=${path}`, {
      headers: { cookie: `payload-token=${auth.authorization.slice('JWT '.length)}` },
      redirect: 'manual',
    })
    expect(entered.status).toBe(307)
    expect(entered.headers.get('location')).toBe('/news/preview-me')
    const draftCookie = entered.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ')
    expect(draftCookie).toContain('__prerender_bypass=')

    const previewed = await (
      await fetch(`${baseUrl}/news/preview-me`, {
        headers: {
          cookie: `${draftCookie}; payload-token=${auth.authorization.slice('JWT '.length)}`,
        },
      })
    ).text()
    expect(previewed).toContain('<h1>Draft headline, not yet out</h1>')
    expect(previewed).toContain('Draft preview')

    // The draft-mode cookie on its own (copied, or left after signing out) shows readers nothing new.
    const withoutSession = await (
      await fetch(`${baseUrl}/news/preview-me`, { headers: { cookie: draftCookie } })
    ).text()
    expect(withoutSession).toContain('<h1>Published headline</h1>')
    expect(withoutSession).not.toContain('Draft headline')
    const anonymous = await (await fetch(`${baseUrl}/news/preview-me`)).text()
    expect(anonymous).toContain('<h1>Published headline</h1>')
    expect(anonymous).not.toContain('Draft preview')
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
