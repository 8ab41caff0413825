import type { Client, Request, Result } from 'autocannon'

import autocannon from 'autocannon'

import { BENCH_REFERENCE_PATH } from '../../src/host/server/benchReference'

export type ScenarioKey = 'delivery200' | 'delivery304' | 'frontPage' | 'reference' | 'rest'

export type Scenario = {
  /** A 304 is what the revalidation scenario asks for; anything else there is an error. */
  expectedStatus: 200 | 304
  key: ScenarioKey
  label: string
  requests: Request[]
}

export type Measurement = {
  errors: number
  key: ScenarioKey
  label: string
  p50: number
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
      requests: slugs.map((slug) => ({ method: 'GET', path: restPath(slug) })),
    },
    {
      expectedStatus: 200,
      key: 'frontPage',
      label: 'front page /',
      requests: [{ method: 'GET', path: '/' }],
    },
    {
      expectedStatus: 200,
      key: 'reference',
      label: 'reference (precomputed buffer)',
      requests: slugs.map((slug) => ({ method: 'GET', path: `${BENCH_REFERENCE_PATH}/${slug}` })),
    },
  ]
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

/**
 * Long enough that a slow route's tail is measured as latency, not dropped as an error: at 32
 * connections Payload REST on a busy machine can leave a request queued for over ten seconds
 * (autocannon's default).
 */
const RESPONSE_TIMEOUT_S = 60

type RunArgs = { baseUrl: string; connections: number; duration: number }

const fire = (scenario: Scenario, { baseUrl, connections, duration }: RunArgs) => {
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

/** A warm-up (not counted), then the measured run; errors and unexpected statuses fail it. */
export const runScenario = async (
  scenario: Scenario,
  args: RunArgs & { warmup: number },
): Promise<Measurement> => {
  await fire(scenario, { ...args, duration: args.warmup }).done
  await settle(args.baseUrl)
  const { done, latencies } = fire(scenario, args)
  const result = await done
  await settle(args.baseUrl)
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
    errors: result.errors,
    key: scenario.key,
    label: scenario.label,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    requestsPerSecond: result.requests.mean,
    statuses,
    total: result.requests.total,
  }
}
