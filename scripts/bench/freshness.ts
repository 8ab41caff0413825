import type { Payload } from 'payload'

import { storiesBySlug } from './writer'

/** The three doors a reader meets a story by, each answered from a cache between changes. */
export type FreshnessDoor = 'graphql' | 'page' | 'rest'

export const FRESHNESS_DOORS: FreshnessDoor[] = ['page', 'rest', 'graphql']

/**
 * Per door, one figure per publish: milliseconds from the write's acknowledgement to the first
 * answer that showed it; null when none did within `FRESHNESS_DEADLINE_MS`.
 */
export type FreshnessRecord = Record<FreshnessDoor, (null | number)[]>

/** Well past the promise, so a slow publish is measured rather than cut off at the target. */
export const FRESHNESS_DEADLINE_MS = 10_000

/** Fine enough for a 1 s promise, light enough that the polling is not a load of its own. */
const POLL_MS = 15

/** Long enough for a cold door to be read and kept, short enough to fail a broken cache. */
const WARM_DEADLINE_MS = 10_000

/** The story's dek only: the same field the write scenario edits. */
const GRAPHQL_DEK = `query Fresh($slug: String) {
  Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { slug dek } }
}`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One anonymous read through a door, as a reader (no cookie, so the caches answer it). */
const read = async (
  baseUrl: string,
  door: FreshnessDoor,
  slug: string,
): Promise<{ body: string; cache: null | string; status: number }> => {
  const response =
    door === 'page'
      ? await fetch(`${baseUrl}/news/${slug}`)
      : door === 'rest'
        ? await fetch(
            `${baseUrl}/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=0`,
          )
        : await fetch(`${baseUrl}/api/graphql`, {
            body: JSON.stringify({ query: GRAPHQL_DEK, variables: { slug } }),
            headers: { 'content-type': 'application/json' },
            method: 'POST',
          })
  return {
    body: await response.text(),
    cache: response.headers.get('x-cache'),
    status: response.status,
  }
}

/**
 * Reads the door until the server answers it from its cache: a publish is then measured as a
 * purge and a refill, what every reader after the first meets, not as a first read.
 */
const warm = async (
  baseUrl: string,
  door: FreshnessDoor,
  slug: string,
  token: string | undefined,
) => {
  const deadline = performance.now() + WARM_DEADLINE_MS
  for (;;) {
    const answer = await read(baseUrl, door, slug)
    if (
      answer.status === 200 &&
      answer.cache === 'HIT' &&
      (token === undefined || answer.body.includes(token))
    ) {
      return
    }
    if (performance.now() > deadline) {
      throw new Error(
        `freshness: ${door} for ${slug} was not answered from the cache${token ? ` with "${token}"` : ''} within ${WARM_DEADLINE_MS} ms (last: ${answer.status}, X-Cache ${answer.cache})`,
      )
    }
    await sleep(POLL_MS)
  }
}

/** Milliseconds from `ackedAt` to the first answer through the door that shows `token`. */
const untilFresh = async (
  baseUrl: string,
  door: FreshnessDoor,
  slug: string,
  token: string,
  ackedAt: number,
): Promise<null | number> => {
  for (;;) {
    const started = performance.now()
    const answer = await read(baseUrl, door, slug)
    const now = performance.now()
    if (answer.status === 200 && answer.body.includes(token)) {
      return now - ackedAt
    }
    if (now - ackedAt > FRESHNESS_DEADLINE_MS) {
      return null
    }
    await sleep(Math.max(0, POLL_MS - (now - started)))
  }
}

/**
 * The promise "fresh within 1 s of a publish on every instance", measured: `publishes` edits of
 * live stories' deks through `payload` (another instance on the server's database, so the server
 * learns of each only through the shared change log), one at a time. Before each, the story's
 * page, REST read and GraphQL query are cached on the server; from the moment the write is
 * acknowledged, each door is polled until it shows the new dek.
 */
export const measureFreshness = async ({
  baseUrl,
  payload,
  publishes,
  slugs,
}: {
  baseUrl: string
  payload: Payload
  publishes: number
  slugs: string[]
}): Promise<FreshnessRecord> => {
  const docs = await storiesBySlug(payload, slugs)
  if (docs.length === 0) {
    throw new Error('freshness: none of the sampled stories was found')
  }
  // Fixed width, so that no token is a prefix of a later one ("…n1" of "…n10").
  const run = Date.now().toString(36)
  const tokenOf = (index: number) => `fresh${run}n${String(index).padStart(4, '0')}`
  // The token each story's doors show after its last edit here; none yet for a seeded story,
  // whose dek may be escaped differently in HTML and JSON.
  const shown = new Map<number | string, string>()
  const record: FreshnessRecord = { graphql: [], page: [], rest: [] }
  for (let index = 0; index < publishes; index += 1) {
    const doc = docs[index % docs.length]
    const slug = doc.slug as string
    for (const door of FRESHNESS_DOORS) {
      await warm(baseUrl, door, slug, shown.get(doc.id))
    }
    // The server reads the change log at most every 250 ms while it is asked: publishes made at
    // a fixed delay after the warm-up would all land at one point of that cycle, so the delay
    // steps through it instead.
    await sleep(100 + ((index * 97) % 250))
    const token = tokenOf(index)
    await payload.update({
      collection: 'articles',
      data: { dek: `Freshness check ${token}.` },
      id: doc.id,
    })
    const ackedAt = performance.now()
    const latencies = await Promise.all(
      FRESHNESS_DOORS.map((door) => untilFresh(baseUrl, door, slug, token, ackedAt)),
    )
    FRESHNESS_DOORS.forEach((door, position) => record[door].push(latencies[position]))
    shown.set(doc.id, token)
  }
  return record
}
