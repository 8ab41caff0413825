import type { RequestHandler } from 'express'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'

import { deliveryCacheFor } from '../src/delivery/deliveryCache'
import { LIFT_EMBARGO_TASK } from '../src/embargo/liftEmbargo'
import { recordPageKeys } from '../src/host/pageCache/renderKeys'
import { sitePageCache, type SitePageCache } from '../src/host/pageCache/sitePageCache'
import { type NewsroomServer, startServer } from '../src/host/server/createServer'
import { deliveryFastPath } from '../src/host/server/deliveryFastPath'
import { redirectRouter } from '../src/host/server/redirectRouter'
import { renderContentSitemap } from '../src/host/site/feeds/renderContentSitemap'
import { renderRssFeed } from '../src/host/site/feeds/renderRssFeed'
import { frontPageStories } from '../src/host/site/frontPageStories'
import { searchStories } from '../src/host/site/searchStories'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'
import { waitFor } from './helpers/waitFor'

/**
 * Issue 23, the embargo: a published story with `embargoUntil` ahead reaches partners (an API
 * key) through delivery and ninjs, marked `embargoed`, and no reader door at all; at the time
 * the job shows it everywhere, caches purged; only editors set or clear it.
 */

// The runner looks for due jobs every second, so a lift is seen within the test's deadline.
process.env.NEWSROOM_JOBS_CRON = '* * * * * *'

const ORIGIN = 'https://news.example'
const HOUR = 60 * 60 * 1000

let ctx: TestPayload
let rest: RestClient
let server: NewsroomServer
let pages: SitePageCache
let partnerKey = ''
const tokens = { editor: '', writer: '' }

const validateNinjs = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  // ninjs points `places[].geojson` at geojson.org; a story emits no places.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' })
  return ajv.compile(
    JSON.parse(
      fs.readFileSync(new URL('./fixtures/ninjs-schema_2.2.json', import.meta.url), 'utf8'),
    ),
  )
})()

const unique = () => Math.random().toString(36).slice(2, 8)
const partnerHeaders = () => ({ authorization: `users API-Key ${partnerKey}` })

/** Stands in for Next: the story page, feed, sitemap, search and front page read what the real ones read. */
const fakeNext: RequestHandler = async (req, res) => {
  const headers = { get: (name: string) => (req.headers[name] as string | undefined) ?? null }
  if (req.path.startsWith('/news/')) {
    const loaded = await deliveryCacheFor(ctx.payload).load(req.path.slice('/news/'.length), {
      fresh: true,
    })
    if (!loaded) {
      res.status(404).type('html').send('<h1>Not found</h1>')
      return
    }
    recordPageKeys(headers, loaded.keys)
    res
      .type('html')
      .set('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate')
      .send(`<h1>${loaded.delivery.article.headline}</h1>`)
    return
  }
  res.status(418).send('not a page')
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  // A redirect is an answer of its own: where it leads is what a test looks at.
  const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
  return { body: await response.text(), headers: response.headers, status: response.status }
}

const publishEmbargoed = async (
  headline: string,
  embargoUntil: Date | null,
  extra: Record<string, unknown> = {},
) => {
  const created = await rest.post('/api/articles', {
    body: {
      ...extra,
      _status: 'published',
      dek: `Dek of ${headline}`,
      embargoUntil: embargoUntil?.toISOString() ?? null,
      headline,
    },
    token: tokens.editor,
  })
  expect(created.status).toBe(201)
  return created.body.doc as { embargoUntil?: null | string; id: number | string; slug: string }
}

/** What every reader door shows of the story: true where it appears. */
const readerDoors = async (story: { headline: string; id: number | string; slug: string }) => {
  const word = story.headline.split(' ').pop() as string
  const graphql = await rest.graphql(
    `{ Articles(where: { slug: { equals: ${JSON.stringify(story.slug)} } }) { docs { id } } }`,
  )
  const front = await frontPageStories(ctx.payload)
  return {
    deliveryEndpoint: (await rest.get(`/api/articles/delivery/${story.slug}`)).status === 200,
    deliveryExpress: (await get(`/api/articles/delivery/${story.slug}`)).status === 200,
    frontPage: JSON.stringify(front).includes(story.slug),
    graphql: (graphql.body.data?.Articles?.docs ?? []).length > 0,
    ninjsEndpoint: (await rest.get(`/api/articles/delivery/${story.slug}/ninjs`)).status === 200,
    ninjsExpress: (await get(`/api/articles/delivery/${story.slug}/ninjs`)).status === 200,
    page: (await get(`/news/${story.slug}`)).status === 200,
    restFind:
      (await rest.get(`/api/articles?where[slug][equals]=${story.slug}`)).body.docs.length > 0,
    restFindByID: (await rest.get(`/api/articles/${story.id}`)).status === 200,
    rss: (await renderRssFeed({ now: new Date(), origin: ORIGIN, payload: ctx.payload })).includes(
      story.slug,
    ),
    searchApi:
      (await rest.get(`/api/search?where[title][like]=${encodeURIComponent(word)}`)).body.docs
        .length > 0,
    searchPage: JSON.stringify(await searchStories(ctx.payload, word, 1)).includes(story.slug),
    sitemap: String(
      await renderContentSitemap({
        origin: ORIGIN,
        page: 1,
        payload: ctx.payload,
        source: 'articles',
      }),
    ).includes(story.slug),
  }
}

const everywhere = (shown: boolean) => ({
  deliveryEndpoint: shown,
  deliveryExpress: shown,
  frontPage: shown,
  graphql: shown,
  ninjsEndpoint: shown,
  ninjsExpress: shown,
  page: shown,
  restFind: shown,
  restFindByID: shown,
  rss: shown,
  searchApi: shown,
  searchPage: shown,
  sitemap: shown,
})

/** Lift jobs not yet run or cancelled for a story. */
const pendingLifts = async (id: number | string) =>
  (
    await ctx.payload.find({
      collection: 'payload-jobs',
      depth: 0,
      where: {
        and: [
          { taskSlug: { equals: LIFT_EMBARGO_TASK } },
          { 'input.article': { equals: String(id) } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
        ],
      },
    })
  ).docs as unknown as { waitUntil?: string }[]

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  tokens.editor = await signIn(ctx.payload, rest, 'editor')
  tokens.writer = await signIn(ctx.payload, rest, 'writer')
  partnerKey = randomUUID()
  await ctx.payload.create({
    collection: 'users',
    data: {
      name: 'Wire partner',
      apiKey: partnerKey,
      email: `partner-${unique()}@wire.test`,
      enableAPIKey: true,
      password: `partner-${randomUUID()}`,
      roles: ['partner'],
    } as never,
  })
  pages = sitePageCache({
    payload: ctx.payload,
    settings: {
      enabled: true,
      maxBytes: 8 * 1024 * 1024,
      policy: { sMaxAge: 60, staleIfError: 86400, staleWhileRevalidate: 30 },
    },
  })
  server = await startServer({
    fallback: fakeNext,
    first: [pages.handler, deliveryFastPath({ payload: ctx.payload })].filter(
      (handler) => !!handler,
    ),
    host: '127.0.0.1',
    payload: ctx.payload,
    port: 0,
    routes: [redirectRouter({ payload: ctx.payload })],
  })
  pages.setOrigin(server.url)
})

afterAll(async () => {
  server?.server.closeAllConnections()
  await new Promise((resolve) => server?.server.close(resolve))
  await ctx?.payload.destroy()
})

describe('before the embargo lifts', () => {
  let story: { headline: string; id: number | string; slug: string }
  let until: Date

  beforeAll(async () => {
    until = new Date(Date.now() + HOUR)
    const headline = `Embargoed budget leak ${unique()}`
    const created = await publishEmbargoed(headline, until)
    story = { headline, id: created.id, slug: created.slug }
  })

  it('is absent from every reader door, and from the search index itself', async () => {
    expect(await readerDoors(story)).toEqual(everywhere(false))
    expect((await rest.get(`/api/articles/${story.id}`)).status).toBe(404)
    const graphqlById = await rest.graphql(
      `{ Article(id: ${JSON.stringify(story.id)}) { id headline } }`,
    )
    expect(graphqlById.body.data?.Article ?? null).toBeNull()
    const indexed = await ctx.payload.find({
      collection: 'search',
      where: { 'doc.value': { equals: story.id } },
    })
    expect(indexed.totalDocs).toBe(0)
  })

  it('stays off the front page even when an editor puts it in the lead', async () => {
    await ctx.payload.updateGlobal({
      slug: 'front-page' as never,
      data: { lead: story.id } as never,
    })
    expect(JSON.stringify(await frontPageStories(ctx.payload))).not.toContain(story.slug)
    await ctx.payload.updateGlobal({ slug: 'front-page' as never, data: { lead: null } as never })
  })

  it('reaches a partner with an API key through delivery and ninjs, marked embargoed, never cached for readers', async () => {
    for (const read of [
      (path: string) => rest.get(path, { headers: partnerHeaders() }),
      async (path: string) => {
        const answer = await get(path, partnerHeaders())
        return { ...answer, body: JSON.parse(answer.body) }
      },
    ]) {
      const json = await read(`/api/articles/delivery/${story.slug}`)
      expect(json.status).toBe(200)
      expect(json.headers.get('cache-control')).toBe('private, no-store')
      expect(json.body.article.headline).toBe(story.headline)
      expect(json.body.article.embargoed).toBe(until.toISOString())

      const ninjs = await read(`/api/articles/delivery/${story.slug}/ninjs`)
      expect(ninjs.status).toBe(200)
      expect(ninjs.headers.get('cache-control')).toBe('private, no-store')
      expect(ninjs.body.embargoed).toBe(until.toISOString())
      expect(validateNinjs(ninjs.body)).toBe(true)
    }
    // What the partner read went into no cache readers are served from.
    expect((await rest.get(`/api/articles/delivery/${story.slug}`)).status).toBe(404)
    expect((await get(`/api/articles/delivery/${story.slug}`)).status).toBe(404)
    expect((await get(`/news/${story.slug}`)).status).toBe(404)
    // A wrong key is a reader.
    const wrong = await get(`/api/articles/delivery/${story.slug}`, {
      authorization: `users API-Key ${randomUUID()}`,
    })
    expect(wrong.status).toBe(404)
  })

  it('is a reader to partners everywhere else: no drafts, no accounts, no admin', async () => {
    const draft = await rest.post('/api/articles?draft=true', {
      body: { headline: `Partner never sees ${unique()}` },
      token: tokens.writer,
    })
    expect(draft.status).toBe(201)
    const asPartner = await rest.get(`/api/articles/${draft.body.doc.id}?draft=true`, {
      headers: partnerHeaders(),
    })
    expect(asPartner.status).toBe(404)
    expect((await rest.get('/api/users', { headers: partnerHeaders() })).status).toBe(403)
    const partner = (
      await ctx.payload.find({ collection: 'users', where: { roles: { in: ['partner'] } } })
    ).docs[0]
    const adminAccess = ctx.payload.collections.users.config.access.admin as (args: {
      req: { user: unknown }
    }) => boolean
    expect(adminAccess({ req: { user: partner } })).toBe(false)
  })

  it('is seen by staff in the admin, with the embargo time', async () => {
    const found = await rest.get(`/api/articles/${story.id}`, { token: tokens.writer })
    expect(found.status).toBe(200)
    expect(found.body.embargoUntil).toBe(until.toISOString())
  })
})

describe('who sets the embargo', () => {
  const stored = async (id: number | string) =>
    (
      (await ctx.payload.findByID({ collection: 'articles', depth: 0, draft: true, id })) as {
        embargoUntil?: null | string
      }
    ).embargoUntil ?? null

  it('a writer can neither set nor clear it, through REST, GraphQL or the Local API', async () => {
    const later = new Date(Date.now() + 2 * HOUR).toISOString()
    const drafted = await rest.post('/api/articles?draft=true', {
      body: { embargoUntil: later, headline: `Writer draft ${unique()}` },
      token: tokens.writer,
    })
    expect(drafted.status).toBe(201)
    expect(await stored(drafted.body.doc.id)).toBeNull()

    const until = new Date(Date.now() + HOUR)
    const story = await publishEmbargoed(`Writer cannot lift ${unique()}`, until)
    await rest.patch(`/api/articles/${story.id}?draft=true`, {
      body: { embargoUntil: null },
      token: tokens.writer,
    })
    expect(await stored(story.id)).toBe(until.toISOString())

    await rest.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(story.id)}, draft: true, data: { embargoUntil: ${JSON.stringify(later)} }) { id } }`,
      { token: tokens.writer },
    )
    expect(await stored(story.id)).toBe(until.toISOString())

    const writer = (
      await ctx.payload.find({ collection: 'users', where: { roles: { in: ['writer'] } } })
    ).docs[0]
    await ctx.payload
      .update({
        collection: 'articles',
        data: { embargoUntil: null } as never,
        draft: true,
        id: story.id,
        overrideAccess: false,
        user: writer,
      })
      .catch(() => undefined)
    expect(await stored(story.id)).toBe(until.toISOString())
    // Still held back from readers.
    expect((await rest.get(`/api/articles/${story.id}`)).status).toBe(404)
  })

  it('an editor moves it (one lift job, at the new time) and clears it (no job, public at once)', async () => {
    const story = await publishEmbargoed(`Moved embargo ${unique()}`, new Date(Date.now() + HOUR))
    expect(await pendingLifts(story.id)).toHaveLength(1)

    const later = new Date(Date.now() + 3 * HOUR)
    const moved = await rest.patch(`/api/articles/${story.id}`, {
      body: { embargoUntil: later.toISOString() },
      token: tokens.editor,
    })
    expect(moved.status).toBe(200)
    const lifts = await pendingLifts(story.id)
    expect(lifts).toHaveLength(1)
    expect(new Date(String(lifts[0].waitUntil)).toISOString()).toBe(later.toISOString())

    // Readers asked while it was held back: the delivery cache and the page cache hold a 404.
    expect((await get(`/api/articles/delivery/${story.slug}`)).status).toBe(404)
    expect((await get(`/news/${story.slug}`)).status).toBe(404)

    const cleared = await rest.patch(`/api/articles/${story.id}`, {
      body: { embargoUntil: null },
      token: tokens.editor,
    })
    expect(cleared.status).toBe(200)
    expect(await pendingLifts(story.id)).toHaveLength(0)
    expect((await rest.get(`/api/articles/${story.id}`)).status).toBe(200)
    expect((await get(`/api/articles/delivery/${story.slug}`)).status).toBe(200)
    expect((await get(`/news/${story.slug}`)).status).toBe(200)
  })

  it('a story published with a past embargo is simply public, with no embargoed mark', async () => {
    const headline = `Old embargo ${unique()}`
    const story = await publishEmbargoed(headline, new Date(Date.now() - HOUR))
    expect(await pendingLifts(story.id)).toHaveLength(0)
    expect(await readerDoors({ headline, id: story.id, slug: story.slug })).toEqual(
      everywhere(true),
    )
    const delivered = await rest.get(`/api/articles/delivery/${story.slug}`, {
      headers: partnerHeaders(),
    })
    expect(delivered.body.article).not.toHaveProperty('embargoed')
  })
})

describe('a live story renamed under a new embargo', () => {
  it('keeps its new address to itself: the old one is a 404, not a redirect, until the embargo lifts', async () => {
    const headline = `Renamed in secret ${unique()}`
    const created = await publishEmbargoed(headline, null)
    const oldSlug = created.slug
    expect((await get(`/news/${oldSlug}`)).status).toBe(200)
    const newSlug = `${oldSlug}-exclusive`
    const renamed = await rest.patch(`/api/articles/${created.id}`, {
      body: {
        _status: 'published',
        embargoUntil: new Date(Date.now() + HOUR).toISOString(),
        slug: newSlug,
      },
      token: tokens.editor,
    })
    expect(renamed.status).toBe(200)
    const oldPage = await get(`/news/${oldSlug}`)
    expect(oldPage.status).toBe(404)
    expect(oldPage.headers.get('location')).toBeNull()
    const oldDelivery = await get(`/api/articles/delivery/${oldSlug}`)
    expect(oldDelivery.status).toBe(404)
    expect(oldDelivery.headers.get('location')).toBeNull()
    expect(oldDelivery.body).not.toContain(newSlug)
    const redirects = await rest.get(
      `/api/redirects?depth=1&where[from][contains]=${encodeURIComponent(oldSlug)}`,
    )
    expect(JSON.stringify(redirects.body)).not.toContain(newSlug)

    // The embargo cleared: the old address leads to the story again.
    await rest.patch(`/api/articles/${created.id}`, {
      body: { _status: 'published', embargoUntil: null },
      token: tokens.editor,
    })
    await waitFor(async () => (await get(`/news/${oldSlug}`)).status === 301, {
      what: 'the old address redirecting once the story is public',
    })
    expect((await get(`/news/${oldSlug}`)).headers.get('location')).toContain(newSlug)
  })
})

describe('when the embargo lifts', () => {
  it('the story appears in every reader door by itself, the caches purged', async () => {
    const headline = `Lifted on time ${unique()}`
    const until = new Date(Date.now() + 4000)
    const created = await publishEmbargoed(headline, until)
    const story = { headline, id: created.id, slug: created.slug }
    // Readers ask during the embargo: 404s that the page and delivery caches now hold.
    expect((await get(`/news/${story.slug}`)).status).toBe(404)
    expect((await get(`/api/articles/delivery/${story.slug}`)).status).toBe(404)
    expect(await readerDoors(story)).toEqual(everywhere(false))
    expect(Date.now()).toBeLessThan(until.getTime())

    // No restart and no purge by hand: the job queued at publish does it.
    await waitFor(async () => (await get(`/news/${story.slug}`)).status === 200, {
      timeoutMs: 30_000,
      what: 'the story page after the embargo time',
    })
    expect(await readerDoors(story)).toEqual(everywhere(true))
    const delivered = await get(`/api/articles/delivery/${story.slug}`)
    expect(delivered.headers.get('cache-control')).toContain('public')
    expect(JSON.parse(delivered.body).article).not.toHaveProperty('embargoed')
    expect(await pendingLifts(story.id)).toHaveLength(0)
  })

  it('the quote it shows and the person quoted stay hidden from readers until then, and appear with it', async () => {
    const name = `Embargoed Source ${unique()}`
    const person = await ctx.payload.create({
      collection: 'people',
      data: { name, slug: name.toLowerCase().replaceAll(' ', '-') } as never,
    })
    const quote = await ctx.payload.create({
      collection: 'quotes',
      data: {
        medium: 'interview',
        saidAt: '2026-11-30T00:00:00.000Z',
        speaker: { person: person.id },
        text: 'Nothing to announce before noon',
      } as never,
    })
    const readerSees = async () => ({
      person: (await rest.get(`/api/people/${person.id}`)).status === 200,
      quote: (await rest.get(`/api/quotes/${quote.id}`)).status === 200,
      quoteInGraphQL:
        (await rest.graphql(`{ Quote(id: ${JSON.stringify(quote.id)}) { id } }`)).body.data
          ?.Quote != null,
    })
    const until = new Date(Date.now() + 4000)
    const created = await publishEmbargoed(`Quoted under embargo ${unique()}`, until, {
      quotes: [quote.id],
    })
    expect(await readerSees()).toEqual({ person: false, quote: false, quoteInGraphQL: false })
    expect(Date.now()).toBeLessThan(until.getTime())

    await waitFor(async () => (await pendingLifts(created.id)).length === 0, {
      timeoutMs: 30_000,
      what: 'the lift job to run',
    })
    expect(await readerSees()).toEqual({ person: true, quote: true, quoteInGraphQL: true })
  })
})
