import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { XMLParser } from 'fast-xml-parser'

import { LISTING_PAGE_SIZE } from '../src/host/site/taxonomyListing'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'
import { createRestClient, type RestClient } from './helpers/rest'
import { doc, paragraph, pullQuote } from './helpers/lexical'
import { signIn, TEST_PASSWORD } from './helpers/users'
import { waitFor } from './helpers/waitFor'

/**
 * The reader's pages as `npm start` serves them (Next's build, the page cache in front): section
 * and topic pages and feeds, the story page's links to them, the curated front page with its
 * h1, search, and an old story URL answering 301 after an editor changes the slug.
 */

const previousNodeEnv = process.env.NODE_ENV
let ctx: TestPayload
let rest: RestClient
let app: ProductionApp
let editorToken = ''
// Ids are integers on SQL and strings on MongoDB; the Local API's types know only the first.
const ids: Record<string, any> = {}

const page = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${app.baseUrl}${path}`, { redirect: 'manual', ...init })
  return {
    body: await response.text(),
    headers: response.headers,
    location: response.headers.get('location'),
    status: response.status,
  }
}

/** The server's own REST, as the admin uses it: its writes purge its caches at once. */
const serverApi = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${app.baseUrl}${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
    method,
  })
  return { body: await response.json(), status: response.status }
}

const headlinesOf = (html: string) =>
  [...html.matchAll(/<h[23]><a href="\/news\/[^"]+">([^<]+)<\/a><\/h[23]>/g)].map(
    (match) => match[1],
  )

beforeAll(async () => {
  // The server runs the committed migrations on start; so does this process's Local API, first.
  Object.assign(process.env, { NODE_ENV: 'production' })
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  await signIn(ctx.payload, rest, 'editor')
  const editor = (
    await ctx.payload.find({ collection: 'users', where: { roles: { in: ['editor'] } } })
  ).docs[0]

  ids.courts = (await ctx.payload.create({ collection: 'sections', data: { name: 'Courts' } })).id
  ids.asylum = (await ctx.payload.create({ collection: 'topics', data: { name: 'Asylum' } })).id
  for (let index = 0; index < LISTING_PAGE_SIZE + 3; index += 1) {
    const doc = await ctx.payload.create({
      collection: 'articles',
      data: {
        _status: 'published',
        headline: `Court story ${index + 1}`,
        publishedAt: new Date(Date.UTC(2026, 0, index + 1)).toISOString(),
        section: ids.courts,
        slug: `court-story-${index + 1}`,
        topics: [ids.asylum],
      } as never,
    })
    ids[`story${index + 1}`] = doc.id
  }
  ids.draft = (
    await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'draft', headline: 'Draft court scoop', section: ids.courts },
      draft: true,
    })
  ).id

  await ensureProductionBuild()
  app = await startProductionApp({ databaseUri: process.env.DATABASE_URI as string })
  const login = await fetch(`${app.baseUrl}/api/users/login`, {
    body: JSON.stringify({ email: editor.email, password: TEST_PASSWORD }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  editorToken = (await login.json()).token
}, 600_000)

afterAll(async () => {
  if (app) {
    app.signal('SIGTERM')
    await app.exited
  }
  await ctx?.payload.destroy()
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
})

describe('section and topic pages', () => {
  it('lists a section’s published stories, newest first, twenty to a page, with its feed', async () => {
    const first = await page('/sections/courts')
    expect(first.status).toBe(200)
    expect(first.body).toContain('<h1 id="listing-title">Courts</h1>')
    const headlines = headlinesOf(first.body)
    expect(headlines).toHaveLength(LISTING_PAGE_SIZE)
    expect(headlines[0]).toBe(`Court story ${LISTING_PAGE_SIZE + 3}`)
    expect(first.body).not.toContain('Draft court scoop')
    expect(first.body).toContain('href="/sections/courts?page=2"')
    expect(first.body).toContain('href="/sections/courts/feed.xml"')

    const second = await page('/sections/courts?page=2')
    expect(second.status).toBe(200)
    expect(headlinesOf(second.body)).toEqual(['Court story 3', 'Court story 2', 'Court story 1'])
    expect((await page('/sections/courts?page=3')).status).toBe(404)
    expect((await page('/sections/courts?page=zero')).status).toBe(404)
  })

  it('answers 404 for a section or topic no record has, page and feed alike', async () => {
    expect((await page('/sections/no-such-desk')).status).toBe(404)
    expect((await page('/topics/no-such-topic')).status).toBe(404)
    expect((await page('/topics/no-such-topic/feed.xml')).status).toBe(404)
  })

  it('serves a topic’s RSS feed with its published stories only', async () => {
    const feed = await page('/topics/asylum/feed.xml')
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toMatch(/application\/rss\+xml/)
    const channel = new XMLParser({ isArray: (name) => name === 'item' }).parse(feed.body).rss
      .channel
    expect(channel.title).toBe('Asylum — Newsroom')
    expect(channel.item).toHaveLength(LISTING_PAGE_SIZE + 3)
    expect(feed.body).not.toContain('Draft court scoop')
  })

  it('links a story to its section and topics', async () => {
    const story = await page('/news/court-story-1')
    expect(story.status).toBe(200)
    expect(story.body).toContain('href="/sections/courts"')
    expect(story.body).toContain('href="/topics/asylum"')
  })
})

describe('the front page', () => {
  it('has one h1 naming the site and shows the editors’ choice at once, drafts skipped', async () => {
    const before = await page('/')
    expect(before.status).toBe(200)
    expect(before.body.match(/<h1[ >]/g)).toHaveLength(1)
    expect(before.body).toMatch(/<h1 class="visually-hidden">Newsroom<\/h1>/)
    expect(headlinesOf(before.body)[0]).toBe(`Court story ${LISTING_PAGE_SIZE + 3}`)
    // Cached now: the next change must purge it.
    expect((await page('/')).headers.get('x-cache')).toBe('HIT')

    const saved = await serverApi('POST', '/api/globals/front-page', {
      lead: ids.story1,
      slots: [ids.draft, ids.story2],
    })
    expect(saved.status).toBe(200)
    const after = headlinesOf((await page('/')).body)
    expect(after.slice(0, 3)).toEqual([
      'Court story 1',
      'Court story 2',
      `Court story ${LISTING_PAGE_SIZE + 3}`,
    ])
    expect(after).not.toContain('Draft court scoop')
  })

  it('follows a change made on another instance', async () => {
    expect((await page('/')).headers.get('x-cache')).toBe('HIT')
    // This process plays the other instance: its write reaches the server through the log.
    // (How soon, within a second, is `npm run bench`'s freshness row.)
    await ctx.payload.updateGlobal({
      data: { lead: ids.story3, slots: [] } as never,
      slug: 'front-page' as never,
    })
    await waitFor(async () => headlinesOf((await page('/')).body)[0] === 'Court story 3', {
      intervalMs: 20,
      timeoutMs: 10_000,
      what: 'the front page to lead with the story the other instance placed',
    })
  })
})

describe('the story page', () => {
  it('boxes the cases the story relies on and links its pull quote’s speaker to their page', async () => {
    const person = await serverApi('POST', '/api/people', { name: 'Imogen Tessaro' })
    expect(person.status).toBe(201)
    const quote = await serverApi('POST', '/api/quotes', {
      speaker: { organization: 'Refugee Law Clinic', person: person.body.doc.id },
      text: 'The precedent stood for a decade.',
    })
    expect(quote.status).toBe(201)
    const record = await serverApi('POST', '/api/cases', {
      caption: 'Matter of Tessaro',
      citation: '27 I&N Dec. 101 (BIA 2017)',
      decidedAt: '2017-03-02T12:00:00.000Z',
      decidedBy: 'Board of Immigration Appeals',
      status: 'overruled',
    })
    expect(record.status).toBe(201)
    const story = await serverApi('POST', '/api/articles', {
      _status: 'published',
      body: doc(paragraph('The board ruled.'), pullQuote(quote.body.doc.id)),
      cases: [record.body.doc.id],
      headline: 'The decade-old precedent falls',
      quotes: [quote.body.doc.id],
    })
    expect(story.status).toBe(201)

    const shown = await page(`/news/${story.body.doc.slug}`)
    expect(shown.status).toBe(200)
    const box = shown.body.match(/<aside aria-labelledby="story-cases-title"[^>]*>(.*?)<\/aside>/s)
    expect(box?.[1]).toContain('Cases in this story')
    expect(box?.[1]).toContain(`<a href="/cases/${record.body.doc.slug}">Matter of Tessaro</a>`)
    expect(box?.[1]).toContain('27 I&amp;N Dec. 101 (BIA 2017)')
    expect(box?.[1]).toContain('Overruled')
    expect(box?.[1]).toContain('Decided<!-- --> by Board of Immigration Appeals')
    expect(shown.body).toMatch(
      new RegExp(
        `<figcaption><a href="/people/${person.body.doc.slug}">Imogen Tessaro</a>, Refugee Law Clinic</figcaption>`,
      ),
    )
  })
})

describe('person and organization pages', () => {
  /** The JSON-LD blocks a page carries, parsed. */
  const jsonLdOf = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) =>
      JSON.parse(match[1]),
    )

  it('says an organization is one, in the page and its JSON-LD, and a person is a Person', async () => {
    const board = await serverApi('POST', '/api/people', {
      isOrganization: true,
      kind: 'source',
      name: 'Board of Refugee Appeals',
    })
    expect(board.status).toBe(201)
    const person = await serverApi('POST', '/api/people', {
      name: 'Mara Quintero',
      positions: [{ organization: 'Refugee Law Clinic', title: 'Director' }],
    })
    expect(person.status).toBe(201)
    const quotes = await Promise.all(
      [board, person].map((speaker) =>
        serverApi('POST', '/api/quotes', {
          speaker: { person: speaker.body.doc.id },
          text: `What ${speaker.body.doc.name} said.`,
          verification: { status: 'verified' },
        }),
      ),
    )
    const story = await serverApi('POST', '/api/articles', {
      _status: 'published',
      headline: 'The board and the clinic',
      quotes: quotes.map((quote) => quote.body.doc.id),
    })
    expect(story.status).toBe(201)

    const boardPage = await page(`/people/${board.body.doc.slug}`)
    expect(boardPage.status).toBe(200)
    expect(boardPage.body).toMatch(
      /<p class="person-kind">Organization<\/p><h1>Board of Refugee Appeals<\/h1>/,
    )
    expect(jsonLdOf(boardPage.body)).toContainEqual(
      expect.objectContaining({
        '@type': 'ProfilePage',
        mainEntity: expect.objectContaining({
          '@type': 'Organization',
          name: 'Board of Refugee Appeals',
        }),
      }),
    )

    const personPage = await page(`/people/${person.body.doc.slug}`)
    expect(personPage.status).toBe(200)
    expect(personPage.body).toContain('<h1>Mara Quintero</h1>')
    expect(personPage.body).not.toContain('person-kind')
    expect(jsonLdOf(personPage.body)).toContainEqual(
      expect.objectContaining({
        '@type': 'ProfilePage',
        mainEntity: expect.objectContaining({
          '@type': 'Person',
          jobTitle: 'Director',
          name: 'Mara Quintero',
        }),
      }),
    )
  })
})

describe('navigation', () => {
  /** The names a page's header lists as sections, in order. */
  const headerSections = (html: string) => {
    const nav = html.match(/<nav aria-label="Sections"[^>]*>(.*?)<\/nav>/s)?.[1] ?? ''
    return [...nav.matchAll(/<a href="\/sections\/[^"]+">([^<]+)<\/a>/g)].map((match) => match[1])
  }

  it('leads from every page to the sections editors placed, in their order, and to search', async () => {
    // Cached before the change: the section list's key must purge it.
    await page('/news/court-story-1')
    expect((await page('/news/court-story-1')).headers.get('x-cache')).toBe('HIT')
    expect(
      (await serverApi('POST', '/api/sections', { name: 'World', navigationPosition: 1 })).status,
    ).toBe(201)
    expect((await serverApi('POST', '/api/sections', { name: 'Back room' })).status).toBe(201)
    expect(
      (await serverApi('PATCH', `/api/sections/${ids.courts}`, { navigationPosition: 2 })).status,
    ).toBe(200)

    // (A story's 404 streams its markup in Next's payload, not as HTML: left out here.)
    for (const path of ['/news/court-story-1', '/', '/sections/courts', '/search?q=court']) {
      const shown = await waitFor(
        async () => {
          const answer = await page(path)
          return headerSections(answer.body).length === 2 ? answer : null
        },
        { timeoutMs: 5000, what: `${path} to list the placed sections` },
      )
      expect({ path, sections: headerSections(shown.body) }).toEqual({
        path,
        sections: ['World', 'Courts'],
      })
      // A skip link to the page's main content, and a search box on every page.
      expect(shown.body).toContain('<a class="skip-link" href="#content">Skip to content</a>')
      expect(shown.body).toMatch(/<main id="content" tabindex="-1">/i)
      const searchForm = shown.body.match(/<form[^>]*aria-label="Site search"[^>]*>/)?.[0] ?? ''
      expect(searchForm).toContain('action="/search"')
      expect(searchForm).toContain('role="search"')
    }
    // The header's links are the section pages themselves.
    expect((await page('/sections/world')).status).toBe(200)
  })

  it('shows a renamed section in the header of pages already cached', async () => {
    expect((await page('/news/court-story-2')).status).toBe(200)
    expect((await page('/news/court-story-2')).headers.get('x-cache')).toBe('HIT')
    const world = await serverApi('GET', '/api/sections?where[slug][equals]=world')
    expect(
      (await serverApi('PATCH', `/api/sections/${world.body.docs[0].id}`, { name: 'World news' }))
        .status,
    ).toBe(200)
    await waitFor(
      async () => headerSections((await page('/news/court-story-2')).body)[0] === 'World news',
      { timeoutMs: 5000, what: 'the cached story page to show the renamed section' },
    )
  })

  it('refuses a place in the navigation that is not a whole number from 1 to 99, naming the field', async () => {
    for (const navigationPosition of [1.5, 0, 100, 'first']) {
      const refused = await serverApi('POST', '/api/sections', {
        name: `Odd desk ${String(navigationPosition)}`,
        navigationPosition,
      })
      expect({ navigationPosition, status: refused.status }).toEqual({
        navigationPosition,
        status: 400,
      })
      expect(JSON.stringify(refused.body)).toContain('Place in the navigation')
    }
  })
})

describe('search and redirects', () => {
  it('finds published stories only on /search', async () => {
    const result = await page('/search?q=court')
    expect(result.status).toBe(200)
    expect(result.body).toContain(`${LISTING_PAGE_SIZE + 3} stories match`)
    expect(result.body).not.toContain('Draft court scoop')
    expect(result.body).toContain('href="/search?q=court&amp;page=2"')
  })

  it('finds a story by its body, its quotes and who said them, and shows the matching passage', async () => {
    const quote = await serverApi('POST', '/api/quotes', {
      speaker: { name: 'Karenina Quillfeather' },
      text: 'The board’s reasoning does not survive a careful reading.',
    })
    expect(quote.status).toBe(201)
    const story = await serverApi('POST', '/api/articles', {
      _status: 'published',
      body: doc(paragraph('Lawyers for the petitioner cited the zanzibarite doctrine at length.')),
      headline: 'Appeal argued before the full bench',
      quotes: [quote.body.doc.id],
    })
    expect(story.status).toBe(201)
    const titles = (html: string) =>
      [...html.matchAll(/<h2><a href="\/news\/[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1])

    const byBody = await page('/search?q=zanzibarite')
    expect(titles(byBody.body)).toEqual(['Appeal argued before the full bench'])
    expect(byBody.body).toContain('cited the <mark>zanzibarite</mark> doctrine')
    expect(titles((await page('/search?q=Quillfeather')).body)).toEqual([
      'Appeal argued before the full bench',
    ])
    expect(titles((await page('/search?q=careful+reading')).body)).toEqual([
      'Appeal argued before the full bench',
    ])
    // A headline match ranks above a match in the text alone, though that story is newer.
    const newer = await serverApi('POST', '/api/articles', {
      _status: 'published',
      body: doc(paragraph('The judge issued a bench warrant for the witness.')),
      headline: 'Witness fails to appear',
    })
    expect(newer.status).toBe(201)
    expect(titles((await page('/search?q=bench')).body)).toEqual([
      'Appeal argued before the full bench',
      'Witness fails to appear',
    ])

    // The quote's words change: readers find the story by the words it now shows.
    expect(
      (
        await serverApi('PATCH', `/api/quotes/${quote.body.doc.id}`, {
          text: 'The board’s reasoning is unpersuasive.',
        })
      ).status,
    ).toBe(200)
    expect(titles((await page('/search?q=unpersuasive')).body)).toEqual([
      'Appeal argued before the full bench',
    ])
    expect((await page('/search?q=careful+reading')).body).toContain('No stories match')
  })

  it('answers a changed slug’s old URL with a 301, never the cached page', async () => {
    const old = await page('/news/court-story-5')
    expect(old.status).toBe(200)
    expect((await page('/news/court-story-5')).headers.get('x-cache')).toBe('HIT')
    const renamed = await serverApi('PATCH', `/api/articles/${ids.story5}`, {
      slug: 'court-story-five',
    })
    expect(renamed.status).toBe(200)
    const moved = await page('/news/court-story-5')
    expect(moved.status).toBe(301)
    expect(moved.location).toBe('/news/court-story-five')
    expect((await page('/news/court-story-five')).status).toBe(200)
    const sitemap = await page('/sitemaps/articles/1.xml')
    expect(sitemap.body).toContain('/news/court-story-five</loc>')
    expect(sitemap.body).not.toContain('/news/court-story-5</loc>')
  })
})
