/**
 * A 500 only for the server's own faults, against the production build (`npm run build` and
 * `npm start`, express in front of Next) on whatever database DATABASE_URI names:
 * - the kinds of request that answered 500 in issue 22, each a 4xx naming the problem;
 * - generated hostile input (fast-check) over a route table read from the app's config and its
 *   site routes (test/helpers/fuzzRoutes.ts), sent anonymously and then as a signed-in writer:
 *   no answer is a 5xx, and the anonymous requests wrote nothing.
 *
 * Seeded and reproducible: the seed is printed; NEWSROOM_FUZZ_SEED=<seed> replays a run, and
 * NEWSROOM_FUZZ_RUNS=<n> sets the number of requests per phase.
 */

import type { SanitizedConfig } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { freshDatabaseUri } from './helpers/database'
import { type FuzzRequest, fuzzRequest, type KnownIds, routeTable } from './helpers/fuzzRoutes'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const SEED = Number(process.env.NEWSROOM_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const RUNS = Number(process.env.NEWSROOM_FUZZ_RUNS ?? 1000)

const PASSWORD = 'a long enough password'

let app: ProductionApp
let config: SanitizedConfig
const tokens: Record<'admin' | 'writer', string> = { admin: '', writer: '' }

type Answer = { body: string; headers: http.IncomingHttpHeaders; status: number }

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

/**
 * Sends exactly what it is given: any method, any path bytes, any body. A kept-alive connection
 * the server closed as idle just as it was reused fails before any answer (ECONNRESET on a
 * reused socket, as node's documentation describes): that request is sent once more.
 */
const send = async (request: Omit<FuzzRequest, 'door'>, token?: string): Promise<Answer> => {
  try {
    return await sendOnce(request, token)
  } catch (error) {
    if ((error as { reused?: boolean }).reused) {
      return sendOnce(request, token)
    }
    throw error
  }
}

const sendOnce = (request: Omit<FuzzRequest, 'door'>, token?: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const url = new URL(app.baseUrl)
    const client = http.request(
      {
        agent,
        headers: {
          ...(token ? { authorization: `JWT ${token}` } : {}),
          ...(request.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(request.body)) }
            : {}),
          ...request.headers,
        },
        host: url.hostname,
        method: request.method,
        path: request.path,
        port: url.port,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
            status: res.statusCode ?? 0,
          }),
        )
        res.on('error', reject)
      },
    )
    client.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        Object.assign(error, {
          reused: client.reusedSocket && error.code === 'ECONNRESET',
        }),
      ),
    )
    client.end(request.body)
  })

const json = (body: string): unknown => {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

const tokenOf = (answer: Answer, what: string) => {
  const token = (json(answer.body) as { token?: string })?.token
  if (!token) {
    throw new Error(`${what} failed: ${answer.status} ${answer.body.slice(0, 200)}`)
  }
  return token
}

const postJson = (pathname: string, body: unknown, token?: string) =>
  send(
    {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
      path: pathname,
    },
    token,
  )

beforeAll(async () => {
  await ensureProductionBuild()
  // The demo piece and what it links to, so reads find records; accounts made below.
  app = await startProductionApp({
    databaseUri: await freshDatabaseUri(),
    env: { NEWSROOM_SEED: 'true' },
  })
  process.env.PAYLOAD_SECRET ??= 'newsroom-fuzz-config-only'
  // The config the server runs, sanitized (Payload's own collections and the official plugins'
  // included); nothing here connects to the database.
  config = await (await import('../payload.config')).default
  const admin = { email: 'fuzz-admin@newsroom.test', name: 'Fuzz Admin', password: PASSWORD }
  tokens.admin = tokenOf(
    await postJson('/api/users/first-register', { ...admin, roles: ['admin'] }),
    'first-register',
  )
  const writer = { email: 'fuzz-writer@newsroom.test', name: 'Fuzz Writer', password: PASSWORD }
  const created = await postJson('/api/users', { ...writer, roles: ['writer'] }, tokens.admin)
  expect(created.status).toBe(201)
  tokens.writer = tokenOf(
    await postJson('/api/users/login', { email: writer.email, password: PASSWORD }),
    'login as the writer',
  )
}, 900_000)

afterAll(async () => {
  agent.destroy()
  app?.signal('SIGTERM')
  await app?.exited
})

const anonymous = (request: Omit<FuzzRequest, 'door'>) => send(request)
const asWriter = (request: Omit<FuzzRequest, 'door'>) => send(request, tokens.writer)

/** The first error message of a 4xx in Payload's shape, with each field problem it lists. */
const said = (answer: Answer): string => {
  const body = json(answer.body) as
    { errors?: { data?: { errors?: { label?: string }[] }; message?: string }[] } | undefined
  const first = body?.errors?.[0]
  return [first?.message, ...(first?.data?.errors ?? []).map((error) => error.label)].join(' ')
}

describe('the kinds of request that answered 500 (issue 22)', () => {
  it.each([
    '/api/%ZZ',
    '/api/articles/%ZZ/related-suggestions',
    '/api/users/verify/%ZZ',
    '/cases/%ZZ',
    '/admin/%ZZ',
    '/sitemaps/articles/%ZZ.xml',
  ])('malformed percent-encoding in %s is a 400 that says so', async (pathname) => {
    const answer = await anonymous({ headers: {}, method: 'GET', path: pathname })
    expect(answer.status).toBe(400)
    expect(said(answer)).toMatch(/percent-encoding/)
  })

  it('TRACE is a 405 listing the methods there are', async () => {
    const answer = await anonymous({ headers: {}, method: 'TRACE', path: '/api/articles' })
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toMatch(/GET/)
    expect(said(answer)).toMatch(/TRACE is not allowed/)
  })

  const multipart = (boundary: string, text: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${text}`
  it.each([
    ['no boundary', 'multipart/form-data', 'garbage', /boundary/],
    ['garbage', 'multipart/form-data; boundary=xx', 'garbage', /cannot be read/],
    ['a cut part', 'multipart/form-data; boundary=xx', multipart('xx', '{"a"'), /cannot be read/],
    [
      'bad JSON in _payload',
      'multipart/form-data; boundary=xx',
      `${multipart('xx', '{"a"')}\r\n--xx--\r\n`,
      /_payload part is not valid JSON/,
    ],
  ])('a multipart body with %s is a 400 on every write door', async (_kind, type, body, says) => {
    for (const [method, pathname, token] of [
      ['POST', '/api/articles', undefined],
      ['POST', '/api/users/login', undefined],
      ['POST', '/api/media', tokens.writer],
      ['PATCH', '/api/articles/1', tokens.writer],
      ['POST', '/api/globals/front-page', tokens.writer],
    ] as const) {
      const answer = await send(
        { body, headers: { 'content-type': type }, method, path: pathname },
        token,
      )
      expect({ method, pathname, status: answer.status }).toEqual({ method, pathname, status: 400 })
      expect(said(answer)).toMatch(says)
    }
  })

  it.each([
    ['/api/payload-locked-documents?where[updatedAt][equals]=notadate', /updatedAt.*ISO 8601/],
    ['/api/payload-locked-documents?page=99999999999999999999', /page must be a whole number/],
    ['/api/payload-preferences?page=99999999999999999999', /page must be a whole number/],
    ['/api/payload-locked-documents?where[document][near]=1,2', /point fields only/],
    ['/api/articles?where[quotes.articles.headline][equals]=x', /quotes\.articles is a join field/],
  ])('%s as a writer is a 400 naming the parameter', async (pathname, says) => {
    const answer = await asWriter({ headers: {}, method: 'GET', path: pathname })
    expect(answer.status).toBe(400)
    expect(said(answer)).toMatch(says)
  })

  it.each(['like', 'contains', 'not_like'])(
    '`%s` with 600 words is a 400, and the log carries no SQL',
    async (operator) => {
      const words = Array.from({ length: 600 }, (_, i) => `w${i}`).join('+')
      const answer = await anonymous({
        headers: {},
        method: 'GET',
        path: `/api/articles?where[headline][${operator}]=${words}`,
      })
      expect(answer.status).toBe(400)
      expect(said(answer)).toMatch(/compares 600 words and conditions; at most 200/)
      expect(app.output()).not.toMatch(/Expression tree is too large|Failed query/)
    },
  )

  it('GET /api/payload-jobs/handle-schedules with nothing scheduled is a 404 for an admin', async () => {
    const answer = await send(
      { headers: {}, method: 'GET', path: '/api/payload-jobs/handle-schedules' },
      tokens.admin,
    )
    expect(answer.status).toBe(404)
    expect(said(answer)).toMatch(/no jobs are scheduled/)
  })

  const graphQL = (query: string, variables?: unknown) =>
    anonymous({
      body: JSON.stringify({ query, variables }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
      path: '/api/graphql',
    })

  it.each([
    [
      'a fragment cycle',
      'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      /Cannot spread fragment "A" within itself/,
    ],
    [
      'a directive argument of the wrong type',
      'query { Articles @include(if: "x") { totalDocs } }',
      /@include needs "if"/,
    ],
    [
      'a directive variable with no value',
      'query($v: Boolean!) { Articles @skip(if: $v) { totalDocs } }',
      /@skip needs "if"/,
    ],
    ['a subscription', 'subscription { Articles { totalDocs } }', /no subscriptions/],
  ])('a GraphQL document with %s is a 400', async (_kind, query, says) => {
    const answer = await graphQL(query)
    expect(answer.status).toBe(400)
    expect(said(answer)).toMatch(says)
  })

  it('an anonymous ~1 MB GraphQL query of 30,000 aliases is refused on its text, before parsing', async () => {
    const aliases = Array.from({ length: 30_000 }, (_, i) => `a${i}: Articles { totalDocs }`)
    const answer = await graphQL(`{ ${aliases.join(' ')} }`)
    expect(answer.status).toBe(400)
    // The length limit answers, not the alias rule: nothing was parsed or validated.
    expect(said(answer)).toMatch(/characters long; at most 50000/)
    const tokensOnly = await graphQL(`{${' a'.repeat(6000)} }`)
    expect(tokensOnly.status).toBe(400)
    expect(said(tokensOnly)).toMatch(/more than 5000 tokens/)
  })
})

/** Per collection and global, what an anonymous request must not change: counts and last write. */
const writeState = async (): Promise<Record<string, unknown>> => {
  const state: Record<string, unknown> = {}
  const read = async (pathname: string) => {
    const answer = await send({ headers: {}, method: 'GET', path: pathname }, tokens.admin)
    const body = json(answer.body) as
      { docs?: { updatedAt?: string }[]; totalDocs?: number; updatedAt?: string } | undefined
    return answer.status === 200
      ? { last: body?.docs?.[0]?.updatedAt ?? body?.updatedAt, total: body?.totalDocs }
      : { status: answer.status }
  }
  for (const collection of config.collections) {
    const base = `/api/${collection.slug}`
    state[collection.slug] = await read(`${base}?limit=1&sort=-updatedAt&depth=0&trash=true`)
    if (collection.versions) {
      state[`${collection.slug} (drafts)`] = await read(
        `${base}?limit=1&sort=-updatedAt&depth=0&draft=true`,
      )
      state[`${collection.slug} (versions)`] = await read(
        `${base}/versions?limit=1&sort=-updatedAt&depth=0`,
      )
    }
  }
  for (const global of config.globals) {
    state[`global ${global.slug}`] = await read(`/api/globals/${global.slug}?depth=0`)
  }
  return state
}

/** A few ids per collection, as the admin sees them, for the generators to aim at. */
const knownIds = async (): Promise<KnownIds> => {
  const ids: KnownIds = {}
  for (const { slug } of config.collections) {
    const answer = await send(
      { headers: {}, method: 'GET', path: `/api/${slug}?limit=3&depth=0` },
      tokens.admin,
    )
    const docs = (json(answer.body) as { docs?: { id: unknown }[] })?.docs ?? []
    ids[slug] = docs.map(({ id }) => String(id))
  }
  return ids
}

/**
 * What the server logged about a failed request: the error line Payload wrote just before the
 * request's own log line, which carries the request id.
 */
const serverError = (requestId: string | string[] | undefined): string => {
  const lines = app.output().split('\n')
  const at = lines.findIndex((line) => typeof requestId === 'string' && line.includes(requestId))
  const error = lines
    .slice(Math.max(0, at - 40), at)
    .reverse()
    .find((line) => /ERROR|"level":"error"/.test(line))
  return error ? `\n  server: ${error.slice(0, 300)}` : ''
}

type Failure = { answer: string; request: FuzzRequest; status: number }

/** Sends each generated request in turn; every answer of 500 or more is a failure. */
const run = async (requests: FuzzRequest[], token?: string): Promise<Failure[]> => {
  const failures: Failure[] = []
  const took: { ms: number; request: FuzzRequest }[] = []
  for (const request of requests) {
    let answer: Answer
    const started = performance.now()
    try {
      answer = await send(request, token)
      took.push({ ms: performance.now() - started, request })
    } catch (error) {
      failures.push({ answer: `no answer: ${(error as Error).message}`, request, status: 0 })
      continue
    }
    if (answer.status >= 500) {
      failures.push({
        answer: `${answer.body.slice(0, 200)}${serverError(answer.headers['x-request-id'])}`,
        request,
        status: answer.status,
      })
    }
  }
  if (process.env.NEWSROOM_FUZZ_SLOWEST) {
    const slowest = took
      .sort((a, b) => b.ms - a.ms)
      .slice(0, Number(process.env.NEWSROOM_FUZZ_SLOWEST))
    console.log(
      slowest
        .map(
          ({ ms, request }) =>
            `${Math.round(ms)} ms ${request.method} ${request.path.slice(0, 120)}`,
        )
        .join('\n'),
    )
  }
  return failures
}

const report = (failures: Failure[]) =>
  failures
    .map(
      ({ answer, request, status }) =>
        `${status} ${request.method} ${request.path.slice(0, 300)} (${request.door})` +
        `${request.headers['content-type'] ? ` [${request.headers['content-type']}]` : ''}` +
        `${request.body !== undefined ? `\n  body: ${request.body.slice(0, 300)}` : ''}\n  → ${answer}`,
    )
    .join('\n')

describe(`generated input (seed ${SEED}, ${RUNS} requests a phase)`, () => {
  let requests: (phase: number) => FuzzRequest[]

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED}: replay with NEWSROOM_FUZZ_SEED=${SEED}`)
    const doors = routeTable(config, path.join(dirname, '../src/app/(site)'))
    const ids = await knownIds()
    const arbitrary = fuzzRequest(config, doors, ids)
    requests = (phase) => fc.sample(arbitrary, { numRuns: RUNS, seed: SEED + phase })
  }, 60_000)

  it('covers every collection, global, endpoint, GraphQL and site page of the config', () => {
    const doors = routeTable(config, path.join(dirname, '../src/app/(site)'))
    const templates = new Set(doors.map((door) => door.template))
    for (const { slug } of config.collections) {
      expect(templates).toContain(`/api/${slug}/:id`)
      expect(templates).toContain(`/api/${slug}`)
    }
    for (const { slug } of config.globals) {
      expect(templates).toContain(`/api/globals/${slug}`)
    }
    for (const endpoint of config.endpoints || []) {
      expect(templates).toContain(`/api${endpoint.path}`)
    }
    for (const expected of [
      '/api/graphql',
      '/api/payload-preferences/:key',
      '/api/payload-jobs/handle-schedules',
      '/api/articles/delivery/:slug',
      '/api/search/:id',
      '/api/redirects/:id',
      '/news/:slug',
      '/sections/:slug/feed.xml',
      '/sitemaps/:source/:page',
      '/',
    ]) {
      expect(templates).toContain(expected)
    }
  })

  it('answers no anonymous request with a 5xx, and they write nothing', async () => {
    const before = await writeState()
    const failures = await run(requests(0))
    const after = await writeState()
    expect(report(failures)).toBe('')
    expect(after).toEqual(before)
  }, 600_000)

  it("answers no signed-in writer's request with a 5xx", async () => {
    expect(report(await run(requests(1), tokens.writer))).toBe('')
  }, 600_000)
})
