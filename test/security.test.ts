/**
 * Bad input is a 4xx naming the problem, never a 5xx, and writes nothing: a generated corpus of
 * malformed and hostile requests (test/helpers/corpus.ts) sent through the route handlers Next
 * mounts, as anonymous readers, writers and editors, on whatever database DATABASE_URI names.
 *
 * To look into a failure:
 * - CORPUS_ONLY='articles: list' runs the requests whose `door: kind` matches the pattern;
 * - CORPUS_DEBUG=1 puts the real error and its stack in each 500 (Payload's `debug`), and
 *   CORPUS_ERROR_CHARS=2000 prints more of each answer;
 * - CORPUS_TRACE_WRITES=1 names each request that changed what is stored (slow: one at a time);
 * - CORPUS_SHOW=1 prints every answer; CORPUS_CONCURRENCY=1 sends one request at a time.
 */

import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import sharp from 'sharp'

import {
  buildCorpus,
  COLLECTIONS,
  type CorpusFixtures,
  type CorpusRequest,
  type Role,
} from './helpers/corpus'
import { doc, paragraph } from './helpers/lexical'
import { startTestPayload, type TestPayload } from './helpers/payload'
import {
  catchAllParams,
  createRawClient,
  type RawClient,
  type RouteHandler,
  type RouteTable,
} from './helpers/rawRequest'
import { createRestClient } from './helpers/rest'
import { signIn } from './helpers/users'

// The REST route imports Payload's admin CSS, which jest cannot load; nothing here renders it.
jest.unstable_mockModule('@payloadcms/next/css', () => ({}))
// The preview routes turn draft mode on and off, which needs a Next request scope.
const actualNextHeaders = await import('next/headers')
jest.unstable_mockModule('next/headers', () => ({
  ...actualNextHeaders,
  draftMode: async () => ({ disable: () => undefined, enable: () => undefined, isEnabled: false }),
}))

type Result = {
  answeredByNext?: true
  body: unknown
  headers: Headers
  request: CorpusRequest
  status: number
  thrown?: string
}

const TRACE_WRITES = Boolean(process.env.CORPUS_TRACE_WRITES)
const CONCURRENCY = TRACE_WRITES ? 1 : Number(process.env.CORPUS_CONCURRENCY ?? 4)
const ONLY = process.env.CORPUS_ONLY ? new RegExp(process.env.CORPUS_ONLY) : null

let ctx: TestPayload
let raw: RawClient
let corpus: CorpusRequest[]
let results: Result[]
let before: Snapshot
let after: Snapshot
let fixtures: CorpusFixtures
const tokens: Partial<Record<Role, string>> = {}

/** The route table Next builds from src/app: each handler as its route file exports it. */
const loadRoutes = async (): Promise<RouteTable> => {
  const api = await import('../src/app/(payload)/api/[...slug]/route')
  const graphql = await import('../src/app/(payload)/api/graphql/route')
  const site: Record<string, { GET: RouteHandler }> = {
    '/feed.xml': await import('../src/app/(site)/feed.xml/route'),
    '/preview': await import('../src/app/(site)/preview/route'),
    '/preview/exit': await import('../src/app/(site)/preview/exit/route'),
    '/robots.txt': await import('../src/app/(site)/robots.txt/route'),
    '/sitemap.xml': await import('../src/app/(site)/sitemap.xml/route'),
    '/sitemaps/news.xml': await import('../src/app/(site)/sitemaps/news.xml/route'),
    '/sitemaps/pages.xml': await import('../src/app/(site)/sitemaps/pages.xml/route'),
  }
  const contentSitemap = await import('../src/app/(site)/sitemaps/[source]/[page]/route')
  // Next answers a method a route does not export with a 405 itself.
  const methodNotAllowed: RouteHandler = () => new Response(null, { status: 405 })
  return (method, pathname): ReturnType<RouteTable> => {
    const segments = pathname.split('/').filter(Boolean)
    if (pathname === '/api/graphql') {
      const handlers: Record<string, RouteHandler> = {
        GET: graphql.GET,
        HEAD: graphql.GET,
        POST: graphql.POST,
      }
      const handler = handlers[method]
      return { handler: handler ?? methodNotAllowed, params: {} }
    }
    if (segments[0] === 'api') {
      return {
        handler: api[method] as RouteHandler,
        params: { slug: catchAllParams(segments.slice(1)) },
      }
    }
    if (site[pathname]) {
      return { handler: method === 'GET' ? site[pathname].GET : methodNotAllowed, params: {} }
    }
    if (segments[0] === 'sitemaps' && segments.length === 3) {
      const [source, page] = catchAllParams(segments.slice(1))
      return { handler: contentSitemap.GET as RouteHandler, params: { page, source } }
    }
    return null
  }
}

/** What is stored: every record of every collection, drafts and versions, and the globals. */
type Snapshot = Record<string, unknown>

const sortById = (docs: { id: unknown }[]) =>
  [...docs].sort((a, b) => String(a.id).localeCompare(String(b.id)))

const snapshot = async (payload: Payload): Promise<Snapshot> => {
  const state: Snapshot = {}
  const slugs = payload.config.collections.map(({ slug }) => slug as CollectionSlug)
  for (const collection of slugs) {
    const read = async (draft: boolean) =>
      sortById(
        (
          await payload.find({
            collection,
            depth: 0,
            draft,
            overrideAccess: true,
            pagination: false,
            showHiddenFields: true,
          })
        ).docs,
      )
    state[collection] = await read(false)
    const config = payload.collections[collection].config
    if (config.versions) {
      state[`${collection} (drafts)`] = await read(true)
      const versions = await payload.findVersions({
        collection,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
      })
      state[`${collection} (versions)`] = {
        count: versions.totalDocs,
        docs: sortById(versions.docs),
      }
    }
  }
  for (const { slug } of payload.config.globals) {
    state[`global ${slug}`] = await payload.findGlobal({ depth: 0, overrideAccess: true, slug })
  }
  return JSON.parse(JSON.stringify(state))
}

type Doc = Record<string, unknown> & { id: unknown }

const docsOf = (value: unknown): Doc[] | null => {
  const docs = Array.isArray(value) ? value : (value as { docs?: unknown })?.docs
  return Array.isArray(docs) ? (docs as Doc[]) : null
}

/** What differs between two snapshots, one line per record added, removed or changed. */
const changesBetween = (before: Snapshot, after: Snapshot): string[] => {
  const changes: string[] = []
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, is] = [docsOf(before[key]), docsOf(after[key])]
    if (!was || !is) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
        changes.push(`${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`)
      }
      continue
    }
    const byId = (docs: Doc[]) => new Map(docs.map((doc) => [String(doc.id), doc]))
    const [old, now] = [byId(was), byId(is)]
    for (const [id, doc] of now) {
      const previous = old.get(id)
      if (!previous) {
        changes.push(`${key} ${id}: added ${JSON.stringify(doc).slice(0, 300)}`)
        continue
      }
      const fields = Object.keys({ ...previous, ...doc }).filter(
        (field) => JSON.stringify(previous[field]) !== JSON.stringify(doc[field]),
      )
      if (fields.length) {
        changes.push(
          `${key} ${id}: ${fields.map((field) => `${field} ${JSON.stringify(previous[field])?.slice(0, 80)} → ${JSON.stringify(doc[field])?.slice(0, 80)}`).join(', ')}`,
        )
      }
    }
    for (const id of old.keys()) {
      if (!now.has(id)) {
        changes.push(`${key} ${id}: removed`)
      }
    }
  }
  return changes
}

/** One record per collection for the corpus to aim at, and an article with versions. */
const createFixtures = async (payload: Payload): Promise<CorpusFixtures> => {
  const image = await sharp({
    create: { background: '#336699', channels: 3, height: 8, width: 8 },
  })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'Corpus fixture' },
    file: { data: image, mimetype: 'image/png', name: 'corpus-fixture.png', size: image.length },
  })
  const quote = await payload.create({
    collection: 'quotes',
    data: {
      medium: 'interview',
      speaker: { name: 'Corpus Speaker' },
      text: 'A corpus quote.',
      verification: { status: 'unverified' },
    },
  })
  const person = await payload.create({
    collection: 'people',
    data: { kind: 'source', name: 'Corpus Person', notes: 'internal', slug: 'corpus-person' },
  })
  const claim = await payload.create({
    collection: 'claims',
    data: { claimant: person.id, text: 'A corpus claim.' },
  })
  const legalCase = await payload.create({
    collection: 'cases',
    data: { caption: 'Matter of Corpus', citation: '1 I&N Dec. 1 (BIA 2000)', status: 'good-law' },
  })
  const published = await payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      // The generated type spells out Lexical's node shapes; the builders make the same JSON.
      body: doc(paragraph('A published corpus story.')) as never,
      headline: 'Corpus published story',
      quotes: [quote.id],
      stage: 'ready',
    },
  })
  await payload.update({
    collection: 'articles',
    data: { dek: 'A draft over the live story.' },
    draft: true,
    id: published.id,
  })
  const draft = await payload.create({
    collection: 'articles',
    data: { cases: [legalCase.id], headline: 'Corpus draft story' },
    draft: true,
  })
  const related = await payload.create({
    collection: 'related-stories',
    data: { article: published.id, headline: 'Corpus related story' },
  })
  const versions = await payload.findVersions({
    collection: 'articles',
    limit: 1,
    where: { parent: { equals: published.id } },
  })
  const section = await payload.create({
    collection: 'sections',
    data: { name: 'Corpus Section', slug: 'corpus-section' },
  })
  const topic = await payload.create({
    collection: 'topics',
    data: { name: 'Corpus Topic', slug: 'corpus-topic' },
  })
  const redirect = await payload.create({
    collection: 'redirects',
    data: {
      from: '/news/corpus-old-slug',
      to: { reference: { relationTo: 'articles', value: published.id }, type: 'reference' },
      type: '301',
    },
  })
  // Publishing the story put it in the reader's search index.
  const searchEntry = await payload.find({
    collection: 'search',
    limit: 1,
    overrideAccess: true,
    where: { 'doc.value': { equals: published.id } },
  })
  const users = await payload.find({ collection: 'users', limit: 0, pagination: false })
  const userId = (role: string) =>
    String(users.docs.find((user) => (user.roles as string[]).includes(role))?.id)
  return {
    draftSlug: draft.slug as string,
    ids: {
      articles: String(published.id),
      cases: String(legalCase.id),
      claims: String(claim.id),
      media: String(media.id),
      people: String(person.id),
      quotes: String(quote.id),
      redirects: String(redirect.id),
      'related-stories': String(related.id),
      search: String(searchEntry.docs[0]?.id),
      sections: String(section.id),
      topics: String(topic.id),
      users: userId('editor'),
    },
    idType: payload.db.defaultIDType === 'number' ? 'number' : 'text',
    publishedSlug: published.slug as string,
    selfIds: { editor: userId('editor'), writer: userId('writer') },
    versionId: String(versions.docs[0]?.id),
  }
}

/** Cheap enough to take after every request: counts and the latest change per collection. */
const fingerprint = async (payload: Payload) =>
  JSON.stringify(
    await Promise.all(
      payload.config.collections.map(async ({ slug, versions }) => {
        const collection = slug as CollectionSlug
        const latest = await payload.find({ collection, depth: 0, limit: 1, sort: '-updatedAt' })
        const drafts = versions
          ? (await payload.countVersions({ collection, overrideAccess: true })).totalDocs
          : 0
        return [latest.totalDocs, (latest.docs[0] as { updatedAt?: string })?.updatedAt, drafts]
      }),
    ),
  )

/** Sends every request, a few at a time. */
const runCorpus = async (requests: CorpusRequest[]): Promise<Result[]> => {
  let lastFingerprint = TRACE_WRITES ? await fingerprint(ctx.payload) : ''
  const out: Result[] = new Array(requests.length)
  let next = 0
  const worker = async () => {
    while (next < requests.length) {
      const index = next++
      const request = requests[index]
      const response = await raw.send({ ...request, token: tokens[request.role] })
      out[index] = { ...response, request }
      if (TRACE_WRITES && request.method !== 'GET') {
        const now = await fingerprint(ctx.payload)
        if (now !== lastFingerprint) {
          console.log(`WROTE: ${describeResult(out[index])}`)
          lastFingerprint = now
        }
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return out
}

/** The error text of a response, short enough to read in a list. */
const errorText = (body: unknown): string => {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return (text ?? '').slice(0, Number(process.env.CORPUS_ERROR_CHARS ?? 300))
}

const describeResult = ({ body, request, status }: Result) =>
  `${request.method} ${request.path.slice(0, 160)} as ${request.role} [${request.door}: ${request.kind}] → ${status} ${errorText(body)}`

/** Requests and answers per door and role: `articles: list  anonymous 67 (400×60, 200×7)`. */
const summary = (all: Result[]): string => {
  const rows = new Map<string, Map<number, number>>()
  for (const { request, status } of all) {
    const key = `${request.door}\t${request.role}`
    const statuses = rows.get(key) ?? new Map<number, number>()
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
    rows.set(key, statuses)
  }
  return [...rows]
    .map(([key, statuses]) => {
      const total = [...statuses.values()].reduce((sum, count) => sum + count, 0)
      const spread = [...statuses].map(([status, count]) => `${status}×${count}`).join(', ')
      return `  ${key}\t${total}\t(${spread})`
    })
    .join('\n')
}

/** A GraphQL answer can carry a 500 inside a 200: each error's extensions.statusCode. */
const graphqlServerErrors = (body: unknown): number[] =>
  ((body as { errors?: { extensions?: { statusCode?: number } }[] })?.errors ?? [])
    .map((error) => error?.extensions?.statusCode ?? 0)
    .filter((code) => code >= 500)

const isServerError = (result: Result) =>
  result.status >= 500 || graphqlServerErrors(result.body).length > 0

beforeAll(async () => {
  ctx = await startTestPayload()
  const rest = createRestClient(ctx.config)
  tokens.writer = await signIn(ctx.payload, rest, 'writer')
  tokens.editor = await signIn(ctx.payload, rest, 'editor')
  fixtures = await createFixtures(ctx.payload)
  raw = createRawClient(await loadRoutes())
  corpus = buildCorpus(fixtures).filter(
    (request) => !ONLY || ONLY.test(`${request.door}: ${request.kind}`),
  )
  if (process.env.CORPUS_DEBUG) {
    // Error messages and stacks in the responses, to see what a 500 was.
    ctx.payload.config.debug = true
  }
  before = await snapshot(ctx.payload)
  const started = Date.now()
  results = await runCorpus(corpus)
  console.log(
    `security corpus: ${corpus.length} requests in ${Date.now() - started} ms\n${summary(results)}`,
  )
  if (process.env.CORPUS_SHOW) {
    // Every answer, with its Location when it redirects: CORPUS_SHOW=1 CORPUS_ONLY='preview'.
    console.log(
      results
        .map((result) => `${describeResult(result)} ${result.headers.get('location') ?? ''}`)
        .join('\n'),
    )
  }
  after = await snapshot(ctx.payload).catch((error) => {
    console.error('SNAPSHOT', error.stack, error.cause)
    throw error
  })
}, 600_000)

afterAll(async () => {
  if (ctx) {
    await ctx.payload.delete({ collection: 'media', overrideAccess: true, where: {} })
    await ctx.payload.destroy()
  }
})

describe('the corpus of malformed and hostile requests', () => {
  it('holds at least 1,000 requests, through every door, as every role', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000)
    const doors = new Set(corpus.map(({ door }) => door.split(':')[0]))
    for (const door of [...COLLECTIONS, 'graphql', 'delivery', 'delivery/ninjs', 'site']) {
      expect(doors).toContain(door)
    }
    expect(new Set(corpus.map(({ role }) => role))).toEqual(
      new Set(['anonymous', 'editor', 'writer']),
    )
  })

  it('answers no request with a 5xx', () => {
    const failures = results.filter(isServerError)
    expect(
      `${failures.length} of ${results.length} answered 5xx:\n${failures.map(describeResult).join('\n')}`,
    ).toBe(`0 of ${results.length} answered 5xx:\n`)
  })

  it('names the problem in its 4xx', () => {
    const named = results.filter((result) => result.request.names)
    expect(named.length).toBeGreaterThan(100)
    const unnamed = named.filter(
      ({ body, request, status }) =>
        status < 400 ||
        status >= 500 ||
        !request.names!.test(typeof body === 'string' ? body : JSON.stringify(body)),
    )
    expect(
      unnamed.map((result) => `${describeResult(result)} (should name ${result.request.names})`),
    ).toEqual([])
  })

  it("answers every API 4xx in Payload's error shape", () => {
    const isPayloadShape = (body: unknown) =>
      Array.isArray((body as { errors?: unknown })?.errors) &&
      (body as { errors: unknown[] }).errors.every(
        (error) => typeof (error as { message?: unknown })?.message === 'string',
      )
    const misshapen = results.filter(
      (result) =>
        result.status >= 400 &&
        result.status < 500 &&
        result.request.path.startsWith('/api/') &&
        !result.answeredByNext &&
        result.status !== 405 &&
        !isPayloadShape(result.body),
    )
    expect(misshapen.map(describeResult)).toEqual([])
  })

  it('keeps every record readable afterwards', async () => {
    const rest = createRestClient(ctx.config)
    for (const collection of COLLECTIONS) {
      const list = await rest.get(`/api/${collection}?depth=2&draft=true`, { token: tokens.editor })
      expect({ collection, status: list.status }).toEqual({ collection, status: 200 })
      const one = await rest.get(`/api/${collection}/${fixtures.ids[collection]}?depth=2`, {
        token: tokens.editor,
      })
      expect({ collection, status: one.status }).toEqual({ collection, status: 200 })
    }
    const delivered = await rest.get(`/api/articles/delivery/${fixtures.publishedSlug}`)
    expect(delivered.status).toBe(200)
  })

  it('writes nothing', () => {
    expect(changesBetween(before, after)).toEqual([])
  })
})
