import type { Client, Request, Result } from 'autocannon'

import autocannon from 'autocannon'

import { cpuSeconds } from './helpers'

import {
  BENCH_MEMORY_PATH,
  BENCH_REFERENCE_PATH,
  BENCH_REQUEST_LOG_PATH,
} from '../../src/host/server/benchReference'

export type ScenarioKey =
  | 'adminList'
  | 'adminPage'
  | 'casePage'
  | 'graphqlCached'
  | 'delivery200'
  | 'delivery304'
  | 'frontPage'
  | 'limit'
  | 'publish'
  | 'reference'
  | 'rest'
  | 'restCached'
  | 'storyPage'
  | 'storyPageLogged'
  | 'storyPageUnlogged'
  | 'storyRender'
  | 'storyUnderWrites'
  | 'storyVarnish'

export type Scenario = {
  /** Another server than the app: the bare-node limit, Varnish. */
  baseUrl?: string
  /** Counts the page cache's X-Cache answers, for the hit rate. */
  cacheCounts?: { hits: number; total: number }
  /**
   * Connections for this scenario instead of the run's: 1 is one editor at a time, each request
   * sent when the one before is answered.
   */
  connections?: number
  /** A 304 is what the revalidation scenario asks for; anything else there is an error. */
  expectedStatus: 200 | 304
  key: ScenarioKey
  label: string
  requests: Request[]
  /**
   * Sent at this share of the requests a second the scenario `key` reached (measured earlier in
   * the run), all connections together, instead of as fast as the server answers: runs compared
   * by their CPU per request are compared at one load, since a busier server spends less on each
   * (more answers per wake-up).
   */
  rateOf?: { key: ScenarioKey; share: number }
  /** Run before its warm-up and after its measurement: a switch on the server, and back. */
  setup?: { after: () => Promise<void>; before: () => Promise<void> }
}

export type Measurement = {
  /**
   * Cores the load generator (this process) and the app's server kept busy while measured: a
   * generator near one core is what limits the row, whatever the server behind it could do.
   */
  cpu?: { generator: number; server: number }
  errors: number
  /** Share of answers the page cache gave from memory, where counted. */
  hitRate?: number
  key: ScenarioKey
  label: string
  p50: number
  /** Absent from records written before it was kept. */
  p90?: number
  p99: number
  /** Mean of the per-second request counts, as autocannon reports it. */
  requestsPerSecond: number
  statuses: Record<string, number>
  total: number
}

type ScenarioSetup = {
  baseUrl: string
  slugs: string[]
}

const deliveryPath = (slug: string) => `/api/articles/delivery/${slug}`
const restPath = (slug: string) =>
  `/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=2`
/** Any cookie under Payload's prefix sends a read past the API cache, to Payload itself. */
const PAST_THE_API_CACHE = { cookie: 'payload-lng=en' }
/** One article with its quotes, cases and related coverage, as a reader's app asks for it. */
const GRAPHQL_STORY = `query Story($slug: String) {
  Articles(where: { slug: { equals: $slug } }, limit: 1) {
    docs { headline quotes { text } cases { citation } relatedCoverage { headline outlet } }
  }
}`

const fail = (message: string): never => {
  throw new Error(`bench preflight: ${message}`)
}

/**
 * Reads every slug once through the delivery API and the reference route (filling both caches,
 * and learning each ETag), checks that what comes back is a whole article, and returns the
 * scenarios. Requests rotate over all the slugs, so no single hot article flatters a number.
 */
export const prepareScenarios = async ({ baseUrl, slugs }: ScenarioSetup): Promise<Scenario[]> => {
  const etags: string[] = []
  for (const slug of slugs) {
    const response = await fetch(`${baseUrl}${deliveryPath(slug)}`)
    if (response.status !== 200) fail(`delivery of ${slug} answered ${response.status}`)
    const body = (await response.json()) as {
      article: { body: unknown }
      cases: unknown[]
      quotes: unknown[]
      relatedCoverage: { url: null | string }[]
    }
    if (
      !body.article.body ||
      body.relatedCoverage.length !== 3 ||
      body.relatedCoverage.some((item) => !item.url) ||
      body.quotes.length !== 3 ||
      body.cases.length !== 2
    ) {
      fail(`delivery of ${slug} is not a whole article (related, quotes or cases missing)`)
    }
    const etag = response.headers.get('etag') ?? fail(`delivery of ${slug} has no ETag`)
    const reference = await fetch(`${baseUrl}${BENCH_REFERENCE_PATH}/${slug}`)
    await reference.arrayBuffer()
    if (reference.headers.get('etag') !== etag) {
      fail(`the reference route does not send delivery's bytes for ${slug}`)
    }
    etags.push(etag)
  }

  const rest = await fetch(`${baseUrl}${restPath(slugs[0])}`)
  const restBody = (await rest.json()) as { docs: Record<string, unknown[]>[] }
  const doc = restBody.docs?.[0] ?? fail(`REST found no article ${slugs[0]}`)
  for (const field of ['relatedCoverage', 'quotes', 'cases']) {
    if (!doc[field]?.every((item) => typeof item === 'object' && item !== null)) {
      fail(`REST did not populate ${field} of ${slugs[0]}`)
    }
  }
  const front = await fetch(`${baseUrl}/`)
  if (front.status !== 200 || !(await front.text()).includes('/news/')) {
    fail(`the front page answered ${front.status} without story links`)
  }

  return [
    {
      expectedStatus: 200,
      key: 'delivery200',
      label: 'delivery 200',
      requests: slugs.map((slug) => ({ method: 'GET', path: deliveryPath(slug) })),
    },
    {
      expectedStatus: 304,
      key: 'delivery304',
      label: 'delivery 304 (If-None-Match)',
      requests: slugs.map((slug, index) => ({
        headers: { 'if-none-match': etags[index] },
        method: 'GET',
        path: deliveryPath(slug),
      })),
    },
    {
      expectedStatus: 200,
      key: 'rest',
      label: 'Payload REST depth=2',
      requests: slugs.map((slug) => ({
        headers: PAST_THE_API_CACHE,
        method: 'GET',
        path: restPath(slug),
      })),
    },
    {
      expectedStatus: 200,
      key: 'restCached',
      label: 'REST depth=2, API cache',
      requests: slugs.map((slug) => ({ method: 'GET', path: restPath(slug) })),
    },
    {
      expectedStatus: 200,
      key: 'graphqlCached',
      label: 'GraphQL story, API cache',
      requests: slugs.map((slug) => ({
        body: JSON.stringify({ query: GRAPHQL_STORY, variables: { slug } }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
        path: '/api/graphql',
      })),
    },
    {
      expectedStatus: 200,
      key: 'reference',
      label: 'reference (precomputed buffer)',
      requests: slugs.map((slug) => ({ method: 'GET', path: `${BENCH_REFERENCE_PATH}/${slug}` })),
    },
  ]
}

/** The value at share `p` of ascending figures; NaN for none. */
export const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

/**
 * Long enough that a slow route's tail is measured as latency, not dropped as an error: at 32
 * connections Payload REST on a busy machine can leave a request queued for over ten seconds
 * (autocannon's default).
 */
const RESPONSE_TIMEOUT_S = 60

type RunArgs = {
  baseUrl: string
  connections: number
  duration: number
  /** Requests a second, all connections together; unset: as fast as the server answers. */
  rate?: number
  /** The app's server, whose CPU is read around the measured run. */
  serverPid?: number
}

const fire = (scenario: Scenario, { duration, rate, ...args }: RunArgs) => {
  const baseUrl = scenario.baseUrl ?? args.baseUrl
  const connections = scenario.connections ?? args.connections
  // Each connection starts at its own place in the rotation instead of all on the first slug.
  let nextOffset = 0
  const stride = Math.max(1, Math.floor(scenario.requests.length / connections))
  const setupClient = (client: Client) => {
    const offset = (nextOffset++ * stride) % scenario.requests.length
    client.setRequests([...scenario.requests.slice(offset), ...scenario.requests.slice(0, offset)])
  }
  const latencies: number[] = []
  const done = new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        connections,
        duration,
        ...(rate ? { overallRate: rate } : {}),
        requests: scenario.requests,
        setupClient,
        timeout: RESPONSE_TIMEOUT_S,
        url: baseUrl,
      },
      (error: unknown, result: Result) => (error ? reject(error) : resolve(result)),
    )
    // autocannon's own histogram counts whole milliseconds; the fast paths answer in fractions.
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    )
  })
  return { done, latencies }
}

/**
 * Waits out the requests a finished run left behind. autocannon drops its connections with
 * requests in flight, and the server still works through each one; on a slow route that is
 * seconds of work that would otherwise count against the next measurement.
 */
const settle = async (baseUrl: string) => {
  await fetch(`${baseUrl}/healthz`).then((response) => response.arrayBuffer())
  await new Promise((resolve) => setTimeout(resolve, 500))
}

const serverCpu = ({ serverPid }: RunArgs) =>
  serverPid === undefined ? Number.NaN : cpuSeconds(serverPid)

/** A warm-up (not counted), then the measured run; errors and unexpected statuses fail it. */
export const runScenario = async (
  scenario: Scenario,
  args: RunArgs & { warmup: number },
): Promise<Measurement> => {
  await scenario.setup?.before()
  await fire(scenario, { ...args, duration: args.warmup }).done
  await settle(args.baseUrl)
  if (scenario.cacheCounts) {
    scenario.cacheCounts.hits = 0
    scenario.cacheCounts.total = 0
  }
  const started = { at: performance.now(), generator: cpuSeconds(), server: serverCpu(args) }
  const { done, latencies } = fire(scenario, args)
  const result = await done
  const seconds = (performance.now() - started.at) / 1000
  const cpu = {
    generator: (cpuSeconds() - started.generator) / seconds,
    server: (serverCpu(args) - started.server) / seconds,
  }
  await settle(args.baseUrl)
  await scenario.setup?.after()
  const counts = scenario.cacheCounts
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  )
  const unexpected = Object.entries(statuses).filter(
    ([status, count]) => Number(status) !== scenario.expectedStatus && count > 0,
  )
  if (result.errors > 0 || unexpected.length > 0) {
    throw new Error(
      `${scenario.label}: ${result.errors} connection errors (${result.timeouts} timeouts), statuses ${JSON.stringify(statuses)}; expected only ${scenario.expectedStatus}`,
    )
  }
  const sorted = Float64Array.from(latencies).sort()
  return {
    cpu: Number.isFinite(cpu.server) ? cpu : undefined,
    errors: result.errors,
    hitRate: counts && counts.total > 0 ? counts.hits / counts.total : undefined,
    key: scenario.key,
    label: scenario.label,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    requestsPerSecond: result.requests.mean,
    statuses,
    total: result.requests.total,
  }
}

/**
 * The admin's list query: what the list view asks for a signed-in editor (drafts included,
 * newest change first, ten a page), through REST as an API client or script asks it.
 */
export const ADMIN_LIST_PATH = '/api/articles?draft=true&sort=-updatedAt&limit=10&depth=0'

/** The admin's articles list page, rendered by Next for the signed-in editor. */
export const ADMIN_PAGE_PATH = '/admin/collections/articles'

/**
 * Checks the editor's requests are answered as the signed-in editor: the list query counts
 * every story, and the list page shows the newest one (a signed-out visit is sent to the login).
 */
export const checkAdminRequests = async ({
  articles,
  baseUrl,
  editor,
  newestHeadline,
}: {
  articles: number
  baseUrl: string
  editor: Record<string, string>
  newestHeadline: string
}): Promise<void> => {
  const list = await fetch(`${baseUrl}${ADMIN_LIST_PATH}`, { headers: editor })
  const { totalDocs } = (await list.json()) as { totalDocs?: number }
  if (list.status !== 200 || totalDocs !== articles) {
    fail(`the admin list query answered ${list.status} with ${totalDocs} of ${articles} stories`)
  }
  const page = await fetch(`${baseUrl}${ADMIN_PAGE_PATH}`, { headers: editor, redirect: 'manual' })
  if (page.status !== 200 || !(await page.text()).includes(newestHeadline)) {
    fail(`the admin's list page answered ${page.status} without the newest story`)
  }
}

/**
 * What an editor's session costs: the admin's list query at the run's connections, the admin's
 * list page and a publish of an edit one editor at a time. Every request carries the editor's
 * session cookie, so none is answered from a cache readers share.
 */
export const adminScenarios = ({
  editor,
  publishIds,
}: {
  /** The signed-in editor's cookie and same-origin headers (see signInEditor). */
  editor: Record<string, string>
  /** Live stories the editor edits and publishes again, in turn. */
  publishIds: (number | string)[]
}): Scenario[] => [
  {
    expectedStatus: 200,
    key: 'adminList',
    label: 'admin list query (editor, draft=true, sort=-updatedAt, limit 10)',
    requests: [{ headers: editor, method: 'GET', path: ADMIN_LIST_PATH }],
  },
  {
    connections: 1,
    expectedStatus: 200,
    key: 'adminPage',
    label: 'admin articles list page /admin/collections/articles, one editor at a time',
    requests: [{ headers: editor, method: 'GET', path: ADMIN_PAGE_PATH }],
  },
  {
    connections: 1,
    expectedStatus: 200,
    key: 'publish',
    label: 'publish an edit (REST PATCH), one editor at a time',
    requests: publishIds.map((id) => ({
      headers: { ...editor, 'content-type': 'application/json' },
      method: 'PATCH',
      path: `/api/articles/${id}?depth=0`,
      // A new dek each time, as an editor's correction of a live story.
      setupRequest: (request: Request) => ({
        ...request,
        body: JSON.stringify({
          _status: 'published',
          dek: `Edited at ${new Date().toISOString()}.`,
        }),
      }),
    })),
  },
]

type PageSetup = {
  baseUrl: string
  caseSlugs: string[]
  limitUrl: string
  slugs: string[]
  varnishUrl: string | undefined
}

const storyPath = (slug: string) => `/news/${slug}`

/**
 * One request per path, counting the answers a cache gave from memory: the page cache's
 * `X-Cache`, or Varnish's `X-Varnish-Cache` (varnish/newsroom.vcl), which shows that row
 * measures Varnish's copy and not the app behind it.
 */
const counted = (
  paths: string[],
  counts: { hits: number; total: number },
  header: 'X-Cache' | 'X-Varnish-Cache' = 'X-Cache',
): Request[] =>
  paths.map((path) => ({
    method: 'GET',
    onResponse: (_status: number, _body: string, _context: unknown, headers: unknown) => {
      counts.total += 1
      // autocannon keeps the header names as the server sent them.
      const names = headers as Record<string, string>
      if ((names[header.toLowerCase()] ?? names[header]) === 'HIT') {
        counts.hits += 1
      }
    },
    path,
  }))

/**
 * The site's pages: story, front and case pages from the render cache, a story page rendered
 * by Next on every request (a query string sends it past the cache: what a miss costs), story
 * pages while another instance publishes every 2 s, Varnish in front, and the bare-node limit.
 * Every page is read once first, which fills the cache.
 */
export const pageScenarios = async ({
  baseUrl,
  caseSlugs,
  limitUrl,
  slugs,
  varnishUrl,
}: PageSetup): Promise<Scenario[]> => {
  for (const path of [...slugs.map(storyPath), '/', ...caseSlugs.map((slug) => `/cases/${slug}`)]) {
    const response = await fetch(`${baseUrl}${path}`)
    await response.arrayBuffer()
    if (response.status !== 200) fail(`${path} answered ${response.status}`)
  }
  const again = await fetch(`${baseUrl}${storyPath(slugs[0])}`)
  await again.arrayBuffer()
  if (again.headers.get('x-cache') !== 'HIT') fail('the page cache did not keep a story page')

  const get = (paths: string[]): Request[] => paths.map((path) => ({ method: 'GET', path }))
  const storyCounts = { hits: 0, total: 0 }
  const scenarios: Scenario[] = [
    {
      baseUrl: limitUrl,
      expectedStatus: 200,
      key: 'limit',
      label: 'limit: bare node:http, same page bytes, own process',
      requests: get(['/']),
    },
    {
      expectedStatus: 200,
      key: 'storyPage',
      label: 'story page hit /news/:slug',
      requests: get(slugs.map(storyPath)),
    },
    ...logCostRuns(baseUrl, get(slugs.map(storyPath))),
    {
      expectedStatus: 200,
      key: 'frontPage',
      label: 'front page hit /',
      requests: get(['/']),
    },
    {
      expectedStatus: 200,
      key: 'casePage',
      label: 'case page hit /cases/:slug',
      requests: get(caseSlugs.map((slug) => `/cases/${slug}`)),
    },
    {
      cacheCounts: storyCounts,
      expectedStatus: 200,
      key: 'storyUnderWrites',
      label: 'story page, a publish every 2 s by another instance',
      requests: counted(slugs.map(storyPath), storyCounts),
    },
    {
      expectedStatus: 200,
      key: 'storyRender',
      label: 'story page rendered by Next (cache bypassed: a miss)',
      requests: get(slugs.map((slug) => `${storyPath(slug)}?render`)),
    },
  ]
  if (varnishUrl) {
    for (const slug of slugs) {
      await (await fetch(`${varnishUrl}${storyPath(slug)}`)).arrayBuffer()
    }
    const varnishCounts = { hits: 0, total: 0 }
    scenarios.push({
      baseUrl: varnishUrl,
      cacheCounts: varnishCounts,
      expectedStatus: 200,
      key: 'storyVarnish',
      label: 'story page through Varnish (varnish/newsroom.vcl)',
      requests: counted(slugs.map(storyPath), varnishCounts, 'X-Varnish-Cache'),
    })
  }
  return scenarios
}

/**
 * One request of each kind the run makes (delivery, ninjs, the reference, REST, the front,
 * story and case pages from the cache and a story rendered by Next), so what an instance loads
 * once, on its first request of a kind (Next's compiled pages, React, each route's modules), is
 * in the idle RSS the load is compared with, not counted as the load's.
 */
export const firstOfEachKind = async ({
  baseUrl,
  caseSlug,
  slug,
}: {
  baseUrl: string
  caseSlug: string
  slug: string
}): Promise<void> => {
  const paths = [
    deliveryPath(slug),
    `${deliveryPath(slug)}/ninjs`,
    `${BENCH_REFERENCE_PATH}/${slug}`,
    restPath(slug),
    '/',
    storyPath(slug),
    `/cases/${caseSlug}`,
    `${storyPath(slug)}?render`,
  ]
  for (const path of paths) {
    const response = await fetch(`${baseUrl}${path}`)
    await response.arrayBuffer()
    if (response.status !== 200) fail(`${path} answered ${response.status}`)
  }
}

/** What the server says of its memory: node's split of it and each cache's size. */
export type MemoryReport = {
  arrayBuffers: number
  caches: { bytes: number; entries: number; kind: string }[]
  external: number
  heapTotal: number
  heapUsed: number
  rss: number
}

/** The logged and unlogged runs of story page hits, in pairs: what the request log costs. */
const LOG_COST_PAIRS = 3

/** A load the server answers with room to spare, logged or not. */
const LOG_COST_RATE_SHARE = 0.7

/**
 * Story page hits at one rate, with the request log on and off in turn, pair after pair, each
 * pair in the other order from the one before (on, off; off, on; on, off): the server warms up
 * and the machine drifts over a run, which alternating cancels instead of counting as logging.
 */
const logCostRuns = (baseUrl: string, requests: Request[]): Scenario[] =>
  Array.from({ length: LOG_COST_PAIRS }, (_, pair) => {
    const logged: Scenario = {
      expectedStatus: 200,
      key: 'storyPageLogged',
      label: `story page hit at a set rate, logged (pair ${pair + 1})`,
      rateOf: { key: 'storyPage', share: LOG_COST_RATE_SHARE },
      requests,
    }
    const unlogged: Scenario = {
      expectedStatus: 200,
      key: 'storyPageUnlogged',
      label: `story page hit at a set rate, request log off (pair ${pair + 1})`,
      rateOf: { key: 'storyPage', share: LOG_COST_RATE_SHARE },
      requests,
      setup: {
        after: () => switchRequestLog(baseUrl, 'on'),
        before: () => switchRequestLog(baseUrl, 'off'),
      },
    }
    return pair % 2 === 0 ? [logged, unlogged] : [unlogged, logged]
  }).flat()

/** Turns the server's log of answers made before express off or on (the bench route). */
const switchRequestLog = async (baseUrl: string, state: 'off' | 'on') => {
  const response = await fetch(`${baseUrl}${BENCH_REQUEST_LOG_PATH}/${state}`, { method: 'POST' })
  if (response.status !== 204) {
    throw new Error(`switching the request log ${state} answered ${response.status}`)
  }
}

export const memoryReport = async (baseUrl: string): Promise<MemoryReport | undefined> =>
  fetch(`${baseUrl}${BENCH_MEMORY_PATH}`).then(
    async (response) => (response.ok ? ((await response.json()) as MemoryReport) : undefined),
    () => undefined,
  )
