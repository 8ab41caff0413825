/**
 * Issue 25: anonymous REST reads and GraphQL queries answered from the change-keyed API cache,
 * through the real express server and the app's own REST and GraphQL route handlers (no Next
 * build: test/helpers/apiRoutes.ts hands each request to them as Next would). A second read is
 * a hit; anything with credentials, drafts or a write never is, and never stores; a publish,
 * unpublish, correction, linked-record edit or delete is seen without a purge by hand (how soon
 * is `npm run bench`'s freshness row); nothing a reader may not see ever comes out of it.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { brotliDecompressSync } from 'node:zlib'

import { SKIP_LOCAL_DELIVERY_INVALIDATION } from '../src/delivery/invalidationHooks'
import { siteApiCache, type SiteApiCache } from '../src/host/apiCache/siteApiCache'
import { type NewsroomServer, startServer } from '../src/host/server/createServer'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { settleWrites } from './helpers/settleWrites'
import { signIn } from './helpers/users'
import { waitFor } from './helpers/waitFor'

// The REST route imports Payload's admin CSS, which jest cannot load; nothing here renders it.
jest.unstable_mockModule('@payloadcms/next/css', () => ({}))
const { apiRoutes } = await import('./helpers/apiRoutes')

/** What a reader may never see, wherever it is stored. */
const SECRET_NOTE = `source asked not to be named ${randomUUID()}`
const DRAFT_HEADLINE = `Unpublished scoop ${randomUUID()}`
const NEWER_DRAFT = `Embargoed rewrite ${randomUUID()}`

let ctx: TestPayload
let rest: RestClient
let server: NewsroomServer
let api: SiteApiCache
let editor = ''
let partnerKey = ''
const ids = {
  draft: '' as number | string,
  live: '' as number | string,
  liveWithDraft: '' as number | string,
  quote: '' as number | string,
}

const unique = () => Math.random().toString(36).slice(2, 8)
const asEditor = () => ({ token: editor })

type Answer = { body: any; headers: Headers; status: number; text: string }

const read = async (
  path: string,
  init: { body?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<Answer> => {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'accept-encoding': 'identity', ...init.headers },
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Kept as text for the assertion to show.
  }
  return { body, headers: response.headers, status: response.status, text }
}

const graphql = (query: string, variables?: object, headers: Record<string, string> = {}) =>
  read('/api/graphql', {
    body: JSON.stringify({ query, variables }),
    headers: { 'content-type': 'application/json', ...headers },
    method: 'POST',
  })

const xCache = (answer: Answer) => answer.headers.get('x-cache')

/**
 * Read twice: the second must come from memory, and match the first. Earlier writes are let
 * settle first: each is purged once more when the change log shows it committed, which landing
 * between the two reads would make the second a miss.
 */
const expectCached = async (path: string) => {
  await settleWrites(ctx.payload)
  const first = await read(path)
  expect(first.status).toBe(200)
  const second = await read(path)
  expect(xCache(second)).toBe('HIT')
  expect(second.text).toBe(first.text)
  return second
}

const createArticle = async (data: Record<string, unknown>) => {
  const { body, status } = await rest.post('/api/articles', { body: data, ...asEditor() })
  expect(status).toBe(201)
  return body.doc as { id: number | string; slug: string }
}

const headlines = (answer: Answer): string[] =>
  (answer.body.docs as { headline: string }[]).map((doc) => doc.headline)

/**
 * Polls the cached door alone, no purge by hand, until the change shows. How soon it shows (the
 * promise is within a second, on every instance) is measured by `npm run bench`'s freshness row,
 * not timed here.
 */
const afterTheChange = <T>(check: () => Promise<T>, what: string) =>
  waitFor(check, { timeoutMs: 10_000, what })

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  editor = await signIn(ctx.payload, rest, 'editor')
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
  const quote = await rest.post('/api/quotes', {
    body: {
      speaker: { name: 'Karen Musalo' },
      text: 'basically throws us back to the Dark Ages',
      verification: { notes: SECRET_NOTE, status: 'verified' },
    },
    ...asEditor(),
  })
  ids.quote = quote.body.doc.id
  ids.draft = (
    await createArticle({
      editorialNotes: SECRET_NOTE,
      headline: DRAFT_HEADLINE,
      quotes: [ids.quote],
    })
  ).id
  ids.live = (
    await createArticle({
      _status: 'published',
      editorialNotes: SECRET_NOTE,
      headline: `Live story ${unique()}`,
      quotes: [ids.quote],
    })
  ).id
  ids.liveWithDraft = (
    await createArticle({ _status: 'published', headline: `Published headline ${unique()}` })
  ).id
  const newer = await rest.patch(`/api/articles/${ids.liveWithDraft}?draft=true`, {
    body: { headline: NEWER_DRAFT },
    ...asEditor(),
  })
  expect(newer.status).toBe(200)

  api = siteApiCache({
    maxBodyBytes: 1024 * 1024,
    payload: ctx.payload,
    settings: { enabled: true, maxAgeMs: 60_000, maxBytes: 8 * 1024 * 1024 },
  })
  server = await startServer({
    fallback: await apiRoutes(),
    first: [api.handler],
    host: '127.0.0.1',
    payload: ctx.payload,
    port: 0,
  })
  api.setOrigin(server.url)
})

afterAll(async () => {
  server?.server.closeAllConnections()
  await new Promise((resolve) => server?.server.close(resolve))
  await ctx?.payload.destroy()
})

describe('anonymous REST reads', () => {
  it('a second read of a list or a record is a hit, with the keys of what it shows', async () => {
    const list = await expectCached('/api/articles?depth=0&limit=50')
    expect(list.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining(['api-list:articles', `articles:${ids.live}`]),
    )
    expect(list.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+/)
    const story = await expectCached(`/api/articles/${ids.live}?depth=1`)
    // The quote it populates is one of its keys: editing the quote purges the story.
    expect(story.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining([`articles:${ids.live}`, `quotes:${ids.quote}`]),
    )
  })

  it("a hit is Payload's own answer, byte for byte", async () => {
    for (const path of [`/api/articles?depth=1&limit=5`, `/api/quotes/${ids.quote}?depth=2`]) {
      const hit = await expectCached(path)
      // Any cookie under Payload's prefix goes past the cache, to Payload itself.
      const direct = await read(path, { headers: { cookie: 'payload-lng=en' } })
      expect(xCache(direct)).toBeNull()
      expect(hit.text).toBe(direct.text)
    }
  })

  it('keys the query as Payload parses it: order and encoding of parameters do not matter', async () => {
    await settleWrites(ctx.payload)
    const first = await read(`/api/articles?limit=7&depth=0&where[_status][equals]=published`)
    expect(first.status).toBe(200)
    const reordered = await read(
      `/api/articles?where%5B_status%5D%5Bequals%5D=published&depth=0&limit=7`,
    )
    expect(xCache(reordered)).toBe('HIT')
    // Another depth, select or locale is another answer.
    const deeper = await read(`/api/articles?limit=7&depth=1&where[_status][equals]=published`)
    expect(xCache(deeper)).toBe('MISS')
    const selected = await read(`/api/articles?limit=7&depth=0&select[headline]=true`)
    expect(xCache(selected)).toBe('MISS')
    expect(Object.keys(selected.body.docs[0]).sort()).toEqual(['headline', 'id'])
  })

  it('answers in the encoding asked for, and 304 to a matching If-None-Match', async () => {
    const path = `/api/articles/${ids.live}?depth=0`
    const plain = await read(path)
    const response = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'br' } })
    expect(response.headers.get('content-encoding')).toBe('br')
    const bytes = Buffer.from(await response.arrayBuffer())
    // fetch leaves a brotli body as it came when asked for br alone on some versions.
    const text = bytes.toString('utf8').startsWith('{')
      ? bytes.toString('utf8')
      : brotliDecompressSync(bytes).toString('utf8')
    expect(text).toBe(plain.text)
    const again = await read(path, { headers: { 'if-none-match': plain.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })
})

describe('what never hits and never stores', () => {
  const neverCached = async (path: string, headers: Record<string, string>) => {
    // Stored by an anonymous read first: a signed-in read must still not get it.
    await read(path)
    const first = await read(path, { headers })
    const second = await read(path, { headers })
    expect(xCache(first)).toBeNull()
    expect(xCache(second)).toBeNull()
    return second
  }

  it('a signed-in read, with a token or a session cookie, reaches Payload and sees drafts', async () => {
    const path = `/api/articles?depth=0&limit=50&sort=-createdAt&draft=false`
    const signedIn = await neverCached(path, { authorization: `JWT ${editor}` })
    expect(headlines(signedIn)).toContain(DRAFT_HEADLINE)
    const cookie = await neverCached(path, { cookie: `payload-token=${editor}` })
    expect(headlines(cookie)).toContain(DRAFT_HEADLINE)
    // …and what they read was not stored for anyone: a new path read signed-in first.
    const fresh = `/api/articles?depth=0&limit=49`
    await read(fresh, { headers: { authorization: `JWT ${editor}` } })
    expect(xCache(await read(fresh))).toBe('MISS')
  })

  it("a partner's API key never hits and never stores", async () => {
    const partner = { authorization: `users API-Key ${partnerKey}` }
    const path = `/api/articles/${ids.live}?depth=0&partner=1`
    const first = await read(path, { headers: partner })
    expect(first.status).toBe(200)
    expect(xCache(first)).toBeNull()
    expect(xCache(await read(path, { headers: partner }))).toBeNull()
    expect(xCache(await read(path))).toBe('MISS')
  })

  it('draft=true reaches Payload every time and shows no draft to a reader', async () => {
    for (const path of [
      `/api/articles?draft=true&depth=0&limit=50`,
      `/api/articles/${ids.liveWithDraft}?draft=true`,
    ]) {
      const first = await read(path)
      const second = await read(path)
      expect(xCache(first)).toBeNull()
      expect(xCache(second)).toBeNull()
      expect(second.text).not.toContain(NEWER_DRAFT)
      expect(second.text).not.toContain(DRAFT_HEADLINE)
    }
  })

  it('staff-only collections are refused, and the refusal is not kept', async () => {
    for (const path of ['/api/editorial-comments', '/api/notifications', '/api/activity']) {
      const first = await read(path)
      expect([401, 403]).toContain(first.status)
      expect(xCache(first)).toBe('PASS')
      expect(xCache(await read(path))).toBe('PASS')
    }
  })

  it('collections whose changes are not announced are never kept', async () => {
    // Search and redirects are the official plugins' collections: no delivery hooks.
    for (const path of ['/api/search?depth=0', '/api/redirects?depth=0']) {
      const first = await read(path)
      const second = await read(path)
      expect(xCache(second)).not.toBe('HIT')
      expect(second.status).toBe(first.status)
    }
  })

  it('doors other than Payload’s own reads go on untouched (custom endpoints, versions)', async () => {
    for (const path of [`/api/articles/versions?depth=0`, `/api/articles/count`, `/api/users/me`]) {
      await read(path)
      expect(xCache(await read(path))).not.toBe('HIT')
    }
  })

  it('bad input through the cached door is still a 4xx naming the problem, never kept', async () => {
    for (const path of [
      `/api/articles?where[nope][equals]=1`,
      `/api/articles?depth=0&where[publishedAt][greater_than]=not-a-date`,
      `/api/articles/${encodeURIComponent('not an id')}`,
      `/api/articles?limit=-5&page=abc`,
    ]) {
      const first = await read(path)
      const second = await read(path)
      const kind = first.status >= 400 && first.status < 500 ? '4xx' : first.status
      expect([path, kind, first.text.slice(0, 200)]).toEqual([path, '4xx', expect.any(String)])
      expect(xCache(second)).not.toBe('HIT')
      expect(second.body.errors?.[0]?.message ?? second.text).toBeTruthy()
    }
  })
})

describe('no draft, internal field or staff-only record through a cached answer', () => {
  it('lists and records hold published versions only, without internal fields', async () => {
    for (const path of [
      `/api/articles?depth=2&limit=50`,
      `/api/articles/${ids.live}?depth=2`,
      `/api/articles/${ids.liveWithDraft}`,
      `/api/quotes/${ids.quote}?depth=1`,
      `/api/quotes?depth=1`,
      `/api/articles?where[_status][equals]=draft`,
    ]) {
      const answer = await expectCached(path)
      for (const hidden of [SECRET_NOTE, DRAFT_HEADLINE, NEWER_DRAFT]) {
        expect({ path, leaked: answer.text.includes(hidden) }).toEqual({ path, leaked: false })
      }
      expect(answer.text).not.toContain('editorialNotes')
    }
    const quote = await read(`/api/quotes/${ids.quote}`)
    expect(quote.body.verification).not.toHaveProperty('notes')
    // The join on the quote lists the live story only.
    expect((quote.body.articles.docs as unknown[]).map(String)).not.toContain(String(ids.draft))
  })

  it('a draft is a 404, and stays one once read', async () => {
    const path = `/api/articles/${ids.draft}`
    expect((await read(path)).status).toBe(404)
    const again = await read(path)
    expect(again.status).toBe(404)
    expect(xCache(again)).toBe('PASS')
  })

  it('GraphQL answers hold no draft or internal field', async () => {
    const query = `{ Articles(limit: 50, draft: true) { docs { id headline } } }`
    const first = await graphql(query)
    const second = await graphql(query)
    // `draft: true` is a draft read: never kept.
    expect(xCache(second)).not.toBe('HIT')
    expect(second.text).not.toContain(DRAFT_HEADLINE)
    expect(second.text).not.toContain(NEWER_DRAFT)
    expect(first.status).toBe(200)
  })
})

describe('GraphQL', () => {
  const QUERY = `query Live($limit: Int) { Articles(limit: $limit) { docs { id headline } } }`

  it('a second query is a hit; spacing and variable order do not matter', async () => {
    await settleWrites(ctx.payload)
    const first = await graphql(QUERY, { limit: 20 })
    expect(first.status).toBe(200)
    expect(first.body.data.Articles.docs.length).toBeGreaterThan(0)
    const second = await graphql(QUERY.replace(/ /g, '  '), { limit: 20 })
    expect(xCache(second)).toBe('HIT')
    expect(second.text).toBe(first.text)
    expect(xCache(await graphql(QUERY, { limit: 21 }))).toBe('MISS')
  })

  it("the bench's story query: an article with its quotes, cases and related coverage", async () => {
    const story = `query Story($slug: String) {
      Articles(where: { slug: { equals: $slug } }, limit: 1) {
        docs { headline quotes { text } cases { citation } relatedCoverage { headline outlet } }
      }
    }`
    const { slug } = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: ids.live })
    await settleWrites(ctx.payload)
    const first = await graphql(story, { slug })
    expect(first.body.errors).toBeUndefined()
    expect(first.body.data.Articles.docs[0].quotes.length).toBe(1)
    const second = await graphql(story, { slug })
    expect(xCache(second)).toBe('HIT')
    expect(second.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining([`articles:${ids.live}`, `quotes:${ids.quote}`]),
    )
  })

  /** GraphQL over HTTP's GET: the query (and its variables) in the URL. */
  const getQuery = (
    query: string,
    variables?: object,
    headers: Record<string, string> = {},
    extra: Record<string, string> = {},
  ) => {
    const search = new URLSearchParams({ query, ...extra })
    if (variables) search.set('variables', JSON.stringify(variables))
    return read(`/api/graphql?${search}`, { headers })
  }

  it('a query in the URL (GET) is answered as its POST, and shares its kept answer', async () => {
    await settleWrites(ctx.payload)
    const posted = await graphql(QUERY, { limit: 22 })
    expect(posted.status).toBe(200)
    const got = await getQuery(QUERY, { limit: 22 })
    expect(got.status).toBe(200)
    expect(xCache(got)).toBe('HIT')
    expect(got.text).toBe(posted.text)
    // Kept like a page: a CDN or a browser may revalidate it.
    const etag = got.headers.get('etag')
    expect(etag).toBeTruthy()
    const revalidated = await getQuery(QUERY, { limit: 22 }, { 'if-none-match': etag as string })
    expect(revalidated.status).toBe(304)
    // A first GET is a miss that Payload answers, with what a POST would show.
    const fresh = await getQuery(QUERY, { limit: 23 })
    expect(xCache(fresh)).toBe('MISS')
    expect(fresh.body.data.Articles.docs.map((doc: { headline: string }) => doc.headline)).toEqual(
      expect.not.arrayContaining([DRAFT_HEADLINE]),
    )
  })

  it('a GET never runs a mutation (405) and names what is wrong with its parameters (400)', async () => {
    const mutation = `mutation { deleteQuote(id: ${JSON.stringify(ids.quote)}) { id } }`
    const refused = await getQuery(mutation)
    expect(refused.status).toBe(405)
    expect(refused.headers.get('allow')).toMatch(/POST/)
    expect(refused.text).toMatch(/mutation is sent with POST/)
    expect(
      (await ctx.payload.count({ collection: 'quotes', where: { id: { equals: ids.quote } } }))
        .totalDocs,
    ).toBe(1)
    const cases: [string, string, RegExp][] = [
      ['no query', '/api/graphql', /needs \?query=/],
      [
        'variables not JSON',
        `/api/graphql?query=${encodeURIComponent(QUERY)}&variables=%7Bnope`,
        /"variables" must be a JSON object/,
      ],
      [
        'variables a list',
        `/api/graphql?query=${encodeURIComponent(QUERY)}&variables=%5B1%5D`,
        /"variables" must be a JSON object/,
      ],
      [
        'query twice',
        `/api/graphql?query=${encodeURIComponent(QUERY)}&query=x`,
        /"query" is given more than once/,
      ],
      ['not a document', '/api/graphql?query=%7B%20Articles%20%7B', /does not parse/],
      [
        'two operations, none named',
        `/api/graphql?query=${encodeURIComponent('query A { Articles { totalDocs } } query B { Articles { totalDocs } }')}`,
        /name the one to run/,
      ],
      [
        'an unknown operation name',
        `/api/graphql?query=${encodeURIComponent(QUERY)}&operationName=Nope`,
        /no operation named "Nope"/,
      ],
    ]
    for (const [what, path, message] of cases) {
      const answer = await read(path)
      expect({ what, status: answer.status, cached: xCache(answer) }).toEqual({
        what,
        status: 400,
        cached: null,
      })
      expect({ what, message: answer.body.errors?.[0]?.message }).toEqual({
        what,
        message: expect.stringMatching(message),
      })
    }
  })

  it('a signed-in GET is answered by Payload for that reader, never from the kept answers', async () => {
    const drafts = `{ Articles(draft: true, limit: 100, where: { headline: { equals: ${JSON.stringify(DRAFT_HEADLINE)} } }) { docs { headline } } }`
    const anonymous = await getQuery(drafts)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.data.Articles.docs).toEqual([])
    const signedIn = await getQuery(drafts, undefined, { authorization: `JWT ${editor}` })
    expect(xCache(signedIn)).toBeNull()
    expect(signedIn.body.data.Articles.docs).toEqual([{ headline: DRAFT_HEADLINE }])
    // And nothing the editor saw was kept for the next reader.
    expect((await getQuery(drafts)).body.data.Articles.docs).toEqual([])
  })

  it('a mutation is never kept and reaches Payload every time', async () => {
    const mutation = `mutation { deleteQuote(id: ${JSON.stringify(ids.quote)}) { id } }`
    const first = await graphql(mutation)
    const second = await graphql(mutation)
    expect(xCache(first)).toBeNull()
    expect(xCache(second)).toBeNull()
    // Refused (anonymous), as Payload answers it.
    expect(JSON.stringify(second.body)).toMatch(/not allowed|forbidden/i)
    expect(
      (await ctx.payload.count({ collection: 'quotes', where: { id: { equals: ids.quote } } }))
        .totalDocs,
    ).toBe(1)
  })

  it('a signed-in query never hits', async () => {
    await graphql(QUERY, { limit: 20 })
    const signedIn = await graphql(QUERY, { limit: 20 }, { authorization: `JWT ${editor}` })
    expect(xCache(signedIn)).toBeNull()
  })

  it('a query over the document limits is refused on its text, as without the cache', async () => {
    // ~0.8 MB, within the body limit: the guard refuses it before anything parses it, and the
    // cache must not parse it either, nor ask for a longer printed copy (that was a 413).
    const aliases = Array.from({ length: 30_000 }, (_, i) => `a${i}: Articles { totalDocs }`)
    const answer = await graphql(`{ ${aliases.join(' ')} }`)
    expect(answer.status).toBe(400)
    expect(answer.text).toMatch(/characters long; at most 50000/)
    expect(xCache(answer)).toBeNull()
  })

  it('variables nested past the limit are a 400 naming it, by POST (5,000 deep) and by GET', async () => {
    // They parse, but keying them (and everything after) walked them recursively: the cache
    // overflowed the stack and dropped the connection.
    // As text: JSON.stringify itself overflows on such a value.
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
    const posted = await read('/api/graphql', {
      body: `{"query":${JSON.stringify(QUERY)},"variables":${deep}}`,
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    // A URL has room for 150 levels, past the limit all the same (5,000 would be a 431).
    const deepEnough = `${'{"a":'.repeat(150)}1${'}'.repeat(150)}`
    const got = await read(
      `/api/graphql?${new URLSearchParams({ query: QUERY, variables: deepEnough })}`,
    )
    for (const answer of [posted, got]) {
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toMatch(/nested more than 100 levels deep/)
      expect(xCache(answer)).toBeNull()
    }
  })

  it('a malformed query is still a 4xx through the cached door, and is not kept', async () => {
    const broken = await graphql('{ Articles { docs { id ')
    expect(broken.status).toBeGreaterThanOrEqual(400)
    expect(broken.status).toBeLessThan(500)
    expect(xCache(broken)).toBeNull()
    const unknown = await graphql('{ Articles { docs { noSuchField } } }')
    expect(unknown.status).toBeGreaterThanOrEqual(400)
    expect(unknown.status).toBeLessThan(500)
    expect(xCache(await graphql('{ Articles { docs { noSuchField } } }'))).not.toBe('HIT')
  })
})

describe('fresh after a change', () => {
  const LIST = '/api/articles?depth=0&limit=100&sort=-createdAt'

  it('a publish, a correction, an unpublish and a delete', async () => {
    await expectCached(LIST)
    const headline = `Fresh story ${unique()}`
    const story = await createArticle({ _status: 'published', headline })
    await afterTheChange(
      async () => headlines(await read(LIST)).includes(headline),
      'the list to show the publish',
    )
    const byId = `/api/articles/${story.id}?depth=0`
    await expectCached(byId)
    const GQL = `{ Articles(limit: 100, sort: "-createdAt") { docs { headline corrections { text } } } }`
    await graphql(GQL)
    expect(xCache(await graphql(GQL))).toBe('HIT')

    const correction = `An earlier version misspelled a name ${unique()}.`
    const corrected = await rest.patch(`/api/articles/${story.id}`, {
      body: { _status: 'published', corrections: [{ text: correction, type: 'correction' }] },
      ...asEditor(),
    })
    expect(corrected.status).toBe(200)
    await afterTheChange(
      async () => (await read(byId)).text.includes(correction),
      'the record to show the correction',
    )
    await afterTheChange(
      async () => (await graphql(GQL)).text.includes(correction),
      'GraphQL to show the correction',
    )

    const unpublished = await rest.patch(`/api/articles/${story.id}`, {
      body: { _status: 'draft' },
      ...asEditor(),
    })
    expect(unpublished.status).toBe(200)
    await afterTheChange(
      async () => !headlines(await read(LIST)).includes(headline),
      'the list to drop it',
    )
    await afterTheChange(async () => (await read(byId)).status === 404, 'the record to be a 404')
    await afterTheChange(
      async () => !(await graphql(GQL)).text.includes(headline),
      'GraphQL to drop it',
    )

    const republished = await rest.patch(`/api/articles/${story.id}`, {
      body: { _status: 'published' },
      ...asEditor(),
    })
    expect(republished.status).toBe(200)
    await afterTheChange(async () => (await read(byId)).status === 200, 'the record back')
    await expectCached(byId)
    const deleted = await rest.delete(`/api/articles/${story.id}`, asEditor())
    expect(deleted.status).toBe(200)
    await afterTheChange(
      async () => (await read(byId)).status === 404,
      'the deleted record to be a 404',
    )
    await afterTheChange(
      async () => !headlines(await read(LIST)).includes(headline),
      'the list to drop the deleted story',
    )
  })

  it('an edit to a linked record: the quote a story shows at depth=1', async () => {
    const path = `/api/articles/${ids.live}?depth=1`
    await expectCached(path)
    const text = `A new wording ${unique()}`
    const edited = await rest.patch(`/api/quotes/${ids.quote}`, { body: { text }, ...asEditor() })
    expect(edited.status).toBe(200)
    await afterTheChange(
      async () => (await read(path)).body.quotes?.[0]?.text === text,
      'the story to show the new quote',
    )
  })

  it('a quote becoming live joins the quote list', async () => {
    const list = `/api/quotes?depth=0&limit=100`
    const text = `Newly quoted ${unique()}`
    const quote = await rest.post('/api/quotes', {
      body: { speaker: { name: 'Someone' }, text },
      ...asEditor(),
    })
    await expectCached(list)
    expect((await read(list)).text).not.toContain(text)
    await createArticle({
      _status: 'published',
      headline: `Quotes it ${unique()}`,
      quotes: [quote.body.doc.id],
    })
    await afterTheChange(
      async () => (await read(list)).text.includes(text),
      'the quote list to show the quote',
    )
  })

  it('a change made by another instance arrives through the change log', async () => {
    const path = `/api/articles/${ids.live}?depth=0`
    await expectCached(path)
    const headline = `Changed elsewhere ${unique()}`
    await ctx.payload.update({
      collection: 'articles',
      context: { [SKIP_LOCAL_DELIVERY_INVALIDATION]: true },
      data: { headline },
      id: ids.live,
    })
    // This process was not told: only the shared log says so.
    await afterTheChange(
      async () => (await read(path)).body.headline === headline,
      'the record to follow the log',
    )
  })
})
