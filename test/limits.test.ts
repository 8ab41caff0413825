import type { ValidationRule } from 'graphql'
import type { Config } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { buildSchema, parse, validate } from 'graphql'
import http from 'node:http'
import net from 'node:net'

import { DEFAULT_LIMITS, newsroomPlugin } from 'payload-plugin-newsroom'

import { graphQLCostRules, graphQLLimitRule } from '../src/limits/graphQLCost'
import { resolveLimits } from '../src/limits/resolveLimits'
import { type RunningApp, startApp } from './helpers/app'
import { doc, paragraph } from './helpers/lexical'

/**
 * What one request may ask of the server, against the real `npm run dev` (express in front of
 * Next): body sizes, timeouts, GraphQL cost and `limit`. Each refusal is a 4xx naming the limit,
 * comes before the work it would cost, and writes nothing.
 */

const MB = 1024 * 1024
// Small timeouts, so a trickling client is cut in seconds rather than the defaults' 10 s / 30 s.
const TIMEOUTS = { NEWSROOM_HEADERS_TIMEOUT_MS: '1500', NEWSROOM_REQUEST_TIMEOUT_MS: '3000' }

let app: RunningApp
let token: string

const url = (path: string) => `${app.baseUrl}${path}`

type RawAnswer = { body: string; sentBytes: number; status: number }

/**
 * Sends a body in 64 KB pieces, each after the previous was flushed, and stops sending as soon
 * as the server answers: `sentBytes` is how much of it the server had been sent by then.
 */
const sendInPieces = (
  path: string,
  {
    body,
    chunked = false,
    expectAnswerAfter,
  }: {
    body: Buffer
    chunked?: boolean
    /**
     * Bytes after which the server should already have answered: the client waits for that
     * answer (up to 5 s) before writing more, as writing into the connection the server is
     * closing fails with EPIPE before the answer can be read.
     */
    expectAnswerAfter?: number
  },
): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    let sentBytes = 0
    let answered = false
    let waited = false
    const request = http.request(url(path), {
      headers: {
        authorization: `JWT ${token}`,
        'content-type': 'application/json',
        ...(chunked ? {} : { 'content-length': String(body.length) }),
      },
      method: 'POST',
    })
    request.on('response', (response) => {
      answered = true
      let text = ''
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => resolve({ body: text, sentBytes, status: response.statusCode ?? 0 }))
      response.on('error', reject)
    })
    // Once the server answers and closes, a write still in flight may fail: that is the point.
    request.on('error', (error) => (answered ? undefined : reject(error)))
    const sendNext = () => {
      if (answered || request.destroyed) {
        return
      }
      if (sentBytes >= body.length) {
        request.end()
        return
      }
      if (expectAnswerAfter !== undefined && sentBytes >= expectAnswerAfter && !waited) {
        waited = true
        setTimeout(sendNext, 5000)
        return
      }
      const piece = body.subarray(sentBytes, sentBytes + 64 * 1024)
      sentBytes += piece.length
      // The next piece once this one is flushed: the server reads them as they come.
      request.write(piece, () => setImmediate(sendNext))
    }
    if (expectAnswerAfter === 0) {
      request.flushHeaders()
    }
    sendNext()
  })

/** A draft article whose body is one paragraph long enough to make the JSON `size` bytes. */
const articleBody = (slug: string, size: number): Buffer => {
  const article = (text: string) =>
    JSON.stringify({ body: doc(paragraph(text)), headline: `A body of ${size} bytes`, slug })
  return Buffer.from(article('a'.repeat(size - article('').length)))
}

/** The text of the first paragraph of a stored body. */
const firstParagraph = (article: {
  body: { root: { children: { children: { text: string }[] }[] } }
}) => article.body.root.children[0].children[0].text

const storedArticles = async (slug: string): Promise<number> => {
  const response = await fetch(url(`/api/articles?where[slug][equals]=${slug}&draft=true`), {
    headers: { authorization: `JWT ${token}` },
  })
  return (await response.json()).totalDocs
}

/** How many trickling connections have closed so far: tells which of two closed first. */
let closings = 0

/**
 * Writes raw bytes on a socket, a few every 200 ms (the slow client is the scenario), until the
 * server answers or hangs up. `written` is told once `first` is on its way. `closedAs` counts
 * the closes of all trickles so far.
 */
const trickle = (
  first: string,
  drip: string,
  { written }: { written?: () => void } = {},
): Promise<{ closedAs: number; text: string }> =>
  new Promise((resolve) => {
    const port = Number(new URL(app.baseUrl).port)
    const socket = net.connect(port, '127.0.0.1', () => socket.write(first, () => written?.()))
    const timer = setInterval(() => socket.writable && socket.write(drip), 200)
    let text = ''
    socket.on('data', (chunk) => (text += chunk))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearInterval(timer)
      closings += 1
      resolve({ closedAs: closings, text })
    })
    // Past this the server did not cut it: give up, and let the assertion say so.
    setTimeout(() => socket.destroy(), 20_000).unref()
  })

const graphql = async (query: string, variables?: object) => {
  const response = await fetch(url('/api/graphql'), {
    body: JSON.stringify({ query, variables }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  return { body: await response.json(), status: response.status }
}

const messages = (body: { errors?: { message: string }[] }): string =>
  (body.errors ?? []).map((error) => error.message).join('\n')

beforeAll(async () => {
  Object.assign(process.env, TIMEOUTS)
  try {
    app = await startApp()
  } finally {
    for (const name of Object.keys(TIMEOUTS)) {
      delete process.env[name]
    }
  }
  const login = await fetch(url('/api/users/login'), {
    body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  token = (await login.json()).token
  // Compile the API routes once (development), so no test below waits on the compile.
  await graphql('{ Articles(limit: 1) { docs { headline } } }')
}, 180_000)

afterAll(() => {
  app?.signal('SIGKILL')
})

describe('request bodies', () => {
  it('refuses a 2 MB JSON body with a 413 before the client has sent it, and stores nothing', async () => {
    const body = articleBody('two-megabytes', 2 * MB)
    const answer = await sendInPieces('/api/articles', { body, expectAnswerAfter: 0 })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).errors[0].message).toContain('NEWSROOM_MAX_BODY_BYTES')
    // Answered from the Content-Length: most of the body was never sent, let alone read.
    expect(answer.sentBytes).toBeLessThan(body.length / 2)
    expect(await storedArticles('two-megabytes')).toBe(0)
  }, 60_000)

  it('cuts a chunked body off with a 413 once it passes the limit, and stores nothing', async () => {
    const body = articleBody('chunked-too-big', 4 * MB)
    const answer = await sendInPieces('/api/articles', {
      body,
      chunked: true,
      expectAnswerAfter: MB + 256 * 1024,
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).errors[0].message).toContain('NEWSROOM_MAX_BODY_BYTES')
    // Counted as it arrived: refused soon after the first megabyte, never read to the end.
    expect(answer.sentBytes).toBeLessThan(3 * MB)
    expect(await storedArticles('chunked-too-big')).toBe(0)
  }, 60_000)

  // fetch and most clients send the whole body before they read the answer: if the server hung
  // up after its 413, they would see "write EPIPE" and never the 413 (headers.test saw it).
  it('lets a client that goes on sending the refused body read the 413, on a connection still open', async () => {
    // More than the kernel's socket buffers take in at once, less than the server drains.
    const body = articleBody('sent-whole', 15 * MB)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      let sentAll = false
      let answer: { status: number; text: string } | undefined
      const settle = () => sentAll && answer && resolve(answer)
      const request = http.request(url('/api/articles'), {
        agent,
        headers: {
          authorization: `JWT ${token}`,
          'content-length': String(body.length),
          'content-type': 'application/json',
        },
        method: 'POST',
      })
      request.on('error', reject)
      request.on('response', (response) => {
        let text = ''
        response.on('data', (chunk) => (text += chunk))
        response.on('error', reject)
        response.on('end', () => {
          answer = { status: response.statusCode ?? 0, text }
          settle()
        })
        // The rest of the body after the answer came: what a client mid-upload does.
        request.end(body.subarray(64 * 1024), () => {
          sentAll = true
          settle()
        })
      })
      request.write(body.subarray(0, 64 * 1024))
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.text).errors[0].message).toContain('NEWSROOM_MAX_BODY_BYTES')
    // The same connection serves the next request.
    const next = await new Promise<{ reusedSocket: boolean; status: number }>((resolve, reject) => {
      const request = http.get(url('/healthz'), { agent }, (response) => {
        response.resume()
        resolve({ reusedSocket: request.reusedSocket, status: response.statusCode ?? 0 })
      })
      request.on('error', reject)
    })
    agent.destroy()
    expect(next).toEqual({ reusedSocket: true, status: 200 })
    expect(await storedArticles('sent-whole')).toBe(0)
  }, 60_000)

  it('hands a chunked body within the limit on whole', async () => {
    const body = articleBody('chunked-within', 600 * 1024)
    const answer = await sendInPieces('/api/articles', { body, chunked: true })
    expect(answer.status).toBe(201)
    expect(firstParagraph(JSON.parse(answer.body).doc)).toBe(
      firstParagraph(JSON.parse(String(body))),
    )
  }, 60_000)
})

describe('timeouts', () => {
  /** Whole headers, then a body that would take minutes at a byte a drip. */
  const tricklingBody = (slug: string) =>
    [
      'POST /api/articles HTTP/1.1',
      `Host: 127.0.0.1`,
      `Authorization: JWT ${token}`,
      'Content-Type: application/json',
      'Content-Length: 100000',
      '',
      `{"headline":"Trickled","slug":"${slug}","editorialNotes":"`,
    ].join('\r\n')

  // The server cutting it at all is the point: the client keeps dripping for 20 s, so a server
  // that waited for the whole body would send no 408. The headers were whole, so only the
  // request timeout applies. How long the cut takes is the settings' matter, not asserted here.
  it('answers a body that trickles in with a 408 at the request timeout, and stores nothing', async () => {
    const { text } = await trickle(tricklingBody('trickled'), 'a')
    expect(text).toMatch(/^HTTP\/1\.1 408/)
    expect(await storedArticles('trickled')).toBe(0)
  }, 30_000)

  // Against a trickling body sent first: headers that never end are cut before it, so it is the
  // shorter headers timeout that cut them, not the request timeout (both answer 408).
  it('answers headers that never end with a 408 at the headers timeout, before the request timeout', async () => {
    let bodyWritten: () => void = () => undefined
    const bodyUnderWay = new Promise<void>((resolve) => {
      bodyWritten = resolve
    })
    const body = trickle(tricklingBody('trickled-beside-headers'), 'a', { written: bodyWritten })
    await bodyUnderWay
    const headers = await trickle('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n')
    expect(headers.text).toMatch(/^HTTP\/1\.1 408/)
    const bodyAnswer = await body
    expect(bodyAnswer.text).toMatch(/^HTTP\/1\.1 408/)
    expect(headers.closedAs).toBeLessThan(bodyAnswer.closedAs)
  }, 30_000)
})

describe('GraphQL cost', () => {
  it('refuses 330 aliases with a 400 naming the limit, before running any of them', async () => {
    const query = `{ ${Array.from({ length: 330 }, (_, i) => `a${i}: Articles { docs { headline } }`).join(' ')} }`
    const { body, status } = await graphql(query)
    expect(status).toBe(400)
    // No `data` at all: refused at validation, before any resolver ran (not a timing check,
    // which a loaded machine, and a schema grown with people, claims and sections, made flaky).
    expect(body.data).toBeUndefined()
    expect(messages(body)).toContain('limits.graphQL.maxAliases')
  })

  it('refuses a query nested too deep, naming the limit', async () => {
    let selection = 'headline'
    for (let level = 0; level < 5; level += 1) {
      selection = `relatedCoverage { article { ${selection} } }`
    }
    const { body, status } = await graphql(`{ Articles { docs { ${selection} } } }`)
    expect(status).toBe(400)
    expect(messages(body)).toContain('limits.graphQL.maxDepth')
  })

  it('refuses too many top-level reads, each a separate find, naming the limit', async () => {
    const roots = ['Articles', 'Quotes', 'Cases', 'RelatedStories', 'Media', 'Users']
    const query = `{ ${roots.map((root) => `${root} { docs { id } }`).join(' ')} ${roots
      .map((root) => `count${root} { totalDocs }`)
      .join(' ')} }`
    const { body, status } = await graphql(query)
    expect(status).toBe(400)
    expect(messages(body)).toContain('limits.graphQL.maxRootFields')
  })

  it('refuses a query over the complexity limit, naming it', async () => {
    // One read, but 60 relationship fields at 10 each: over the 500 the plugin sets.
    const { body, status } = await graphql(
      `{ Articles { docs { ${'quotes { id } '.repeat(60)} } } }`,
    )
    expect(status).toBe(400)
    expect(messages(body)).toContain('maximum complexity of 500')
  })

  it('refuses a limit over the cap, as an argument or a variable, naming limit', async () => {
    const literal = await graphql('{ Articles(limit: 100000) { docs { headline } } }')
    expect(literal.status).toBe(400)
    expect(messages(literal.body)).toContain('limit must be a whole number from 1 to 100')
    const variable = await graphql(
      'query ($n: Int) { Articles(limit: $n) { docs { headline } } }',
      { n: 0 },
    )
    expect(variable.status).toBe(400)
    expect(messages(variable.body)).toContain('limits.maxLimit')
    const everything = await graphql('{ Articles(pagination: false) { docs { headline } } }')
    expect(everything.status).toBe(400)
  })

  it('answers a query within the limits as before', async () => {
    const { body, status } = await graphql(
      '{ Articles(limit: 100) { docs { headline relatedCoverage { headline } } } }',
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs.length).toBeGreaterThan(0)
  })
})

describe('REST limit', () => {
  it.each([
    ['limit=100000', 'limit'],
    ['limit=0', 'limit'],
    ['pagination=false', 'limit'],
    ['limit=-1', 'limit'],
    ['joins[overruledBy][limit]=100000', 'joins.overruledBy.limit'],
  ])('refuses ?%s with a 400 naming %s', async (query, path) => {
    const collection = path.startsWith('joins') ? 'cases' : 'articles'
    const response = await fetch(url(`/api/${collection}?${query}`))
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.errors[0].data.errors.map((error: { path: string }) => error.path)).toEqual([path])
  })

  it('refuses staff too: the cap is on the request, not the reader', async () => {
    const response = await fetch(url('/api/articles?limit=100000'), {
      headers: { authorization: `JWT ${token}` },
    })
    expect(response.status).toBe(400)
  })

  it('serves limits up to the cap, and the reads inside a request keep their own', async () => {
    const response = await fetch(url('/api/articles?limit=100&depth=2'))
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.limit).toBe(100)
    // Population reads many documents at once inside the request; it is never refused.
    const piece = body.docs.find((article: { relatedCoverage?: unknown[] }) =>
      Boolean(article.relatedCoverage?.length),
    )
    expect(piece.relatedCoverage[0].headline).toBeTruthy()
  })
})

describe('the limits as plugin options', () => {
  const applied = (options: Parameters<typeof newsroomPlugin>[0]): Config =>
    newsroomPlugin(options)({ collections: [], secret: 'x' } as unknown as Config) as Config

  it('sets the defaults: a read hook on every collection and GraphQL rules', () => {
    const config = applied({})
    // Payload's complexity cap is the whole site's: lowered only when the site opts in.
    expect(config.graphQL?.maxComplexity).toBeUndefined()
    expect(applied({ hardening: { graphQL: true } }).graphQL?.maxComplexity).toBe(
      DEFAULT_LIMITS.graphQL.maxComplexity,
    )
    expect(typeof config.graphQL?.validationRules).toBe('function')
    for (const collection of config.collections ?? []) {
      expect(collection.hooks?.beforeOperation?.length).toBeGreaterThan(0)
    }
  })

  it('keeps the host graphQL.maxComplexity and validation rules, and can be turned off', () => {
    const hostRule: ValidationRule = () => ({})
    const host = {
      collections: [],
      graphQL: { maxComplexity: 50, validationRules: () => [hostRule] },
      secret: 'x',
    } as unknown as Config
    const config = newsroomPlugin({})(host) as Config
    expect(config.graphQL?.maxComplexity).toBe(50)
    const rules = config.graphQL?.validationRules?.({} as never) ?? []
    expect(rules[0]).toBe(hostRule)
    // The host's first, then the plugin's: aliases, depth, top-level fields, `limit` arguments.
    expect(rules).toHaveLength(5)

    const off = applied({ limits: false })
    expect(off.graphQL?.validationRules).toBeUndefined()
    expect(off.graphQL?.maxComplexity).toBeUndefined()
  })

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => resolveLimits({ maxLimit: 0 })).toThrow('limits.maxLimit')
    expect(() => resolveLimits({ graphQL: { maxDepth: 2.5 } })).toThrow('limits.graphQL.maxDepth')
  })

  describe('the GraphQL cost rule', () => {
    const schema = buildSchema(`
      type Item { id: ID, name: String, child: Item, items(limit: Int, pagination: Boolean): [Item] }
      type Query { item: Item, items(limit: Int, pagination: Boolean): [Item] }
    `)
    const limits = {
      ...resolveLimits().graphQL,
      maxAliases: 3,
      maxDepth: 4,
      maxRootFields: 2,
    } as Exclude<ReturnType<typeof resolveLimits>['graphQL'], false>
    const problems = (query: string, variables?: Record<string, unknown>) =>
      validate(schema, parse(query), [
        ...graphQLCostRules(limits),
        graphQLLimitRule(100, variables),
      ]).map((error) => error.extensions.limit)

    it('counts aliases in fragments each time they are spread', () => {
      expect(problems('{ item { ...F } } fragment F on Item { a: id b: id }')).toEqual([])
      expect(
        problems('{ item { ...F child { ...F } } } fragment F on Item { a: id b: id }'),
      ).toEqual(['maxAliases'])
    })

    it('measures fragments that spread others without walking every copy', () => {
      const levels = Array.from(
        { length: 30 },
        (_, i) => `fragment F${i} on Item { ...F${i + 1} ...F${i + 1} }`,
      ).join(' ')
      // 2^30 copies of F30: a rule that walked every copy would not finish within the test's
      // timeout on any machine. How fast the rule is belongs to `npm run bench`.
      expect(problems(`{ item { ...F0 } } ${levels} fragment F30 on Item { a: id }`)).toContain(
        'maxAliases',
      )
    })

    it('measures depth, leaves introspection out of it, and counts top-level fields', () => {
      expect(problems('{ item { child { child { child { id } } } } }')).toEqual(['maxDepth'])
      expect(problems('{ __schema { types { fields { type { ofType { name } } } } } }')).toEqual([])
      expect(problems('{ item { id } items { id } another: item { id } }')).toEqual([
        'maxRootFields',
      ])
    })

    it('checks limit and pagination arguments, literal or variable', () => {
      expect(problems('{ items(limit: 100) { id } }')).toEqual([])
      expect(problems('{ items(limit: 101) { id } }')).toEqual(['maxLimit'])
      expect(problems('{ item { items(limit: 0) { id } } }')).toEqual(['maxLimit'])
      expect(problems('{ items(pagination: false) { id } }')).toEqual(['maxLimit'])
      expect(problems('{ items(pagination: false, limit: 5) { id } }')).toEqual([])
      expect(problems('query ($n: Int = 500) { items(limit: $n) { id } }')).toEqual(['maxLimit'])
      expect(problems('query ($n: Int) { items(limit: $n) { id } }', { n: 10 })).toEqual([])
    })
  })
})
