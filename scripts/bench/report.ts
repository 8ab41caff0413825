import type { FreshnessDoor, FreshnessRecord } from './freshness'
import type { HookShareRow } from './hookShare'
import type { Measurement, MemoryReport } from './scenarios'

import { FRESHNESS_DEADLINE_MS, FRESHNESS_DOORS } from './freshness'
import { hookShareTable } from './hookShare'

export type RunFacts = {
  articles: number
  connections: number
  cpu: string
  cores: number
  date: string
  database: string
  duration: number
  node: string
  /** Seconds the bulk seed took. */
  seedSeconds: number
  slugs: number
  warmup: number
}

type Summary = { p50: number; p99: number; requestsPerSecond: number }

export type RunRecord = {
  facts: RunFacts
  /**
   * How long after a publish on another instance each door showed it. Absent from records
   * written before it was measured.
   */
  freshness?: FreshnessRecord
  /**
   * Each newsroom list's uncached read with its hooks and without them (scripts/bench/hookShare.ts).
   * Absent from records written before it was measured.
   */
  hookShare?: HookShareRow[]
  /** The bare-node limit, measured first and last like the reference, averaged. */
  limit?: Summary
  measurements: Measurement[]
  /**
   * The server's resident memory: idle once it has answered one request of each kind, and the
   * most seen under load; with node's split of it and the caches' sizes at idle and at the
   * page load's peak.
   */
  rss?: {
    idle: number
    idleMemory?: MemoryReport
    pageMemory?: MemoryReport
    pagePeak?: number
    peak: number
  }
  /** The reference as used for ratios: the mean of its runs before and after the others. */
  reference: { p50: number; p99: number; requestsPerSecond: number }
}

/** `pass` undefined: a figure kept for the record, with no target to pass or fail. */
export type TargetCheck = { measured: string; pass: boolean | undefined; target: string }

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—')
const percent = (value: number) => `${(value * 100).toFixed(0)} %`

/** The reference measured before and after the others, averaged: the machine drifts. */
export const combineReference = (runs: Measurement[]): RunRecord['reference'] => {
  const mean = (pick: (m: Measurement) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length
  return {
    p50: mean((run) => run.p50),
    p99: mean((run) => run.p99),
    requestsPerSecond: mean((run) => run.requestsPerSecond),
  }
}

export const resultsTable = ({ limit, measurements, reference }: RunRecord): string =>
  [
    '| scenario | req/s | p50 ms | p99 ms | req/s vs reference | p99 vs reference | req/s vs limit | p99 vs limit | hit rate | CPU: load generator / app server |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...measurements.map(
      (m) =>
        `| ${m.label} | ${fixed(m.requestsPerSecond, 0)} | ${fixed(m.p50)} | ${fixed(m.p99)} | ${percent(
          m.requestsPerSecond / reference.requestsPerSecond,
        )} | ${fixed(m.p99 / reference.p99, 1)}× | ${
          limit ? percent(m.requestsPerSecond / limit.requestsPerSecond) : '—'
        } | ${limit ? `${fixed(m.p99 / limit.p99, 1)}×` : '—'} | ${
          m.hitRate === undefined ? '' : percent(m.hitRate)
        } | ${m.cpu ? `${fixed(m.cpu.generator)} / ${fixed(m.cpu.server)}` : ''} |`,
    ),
  ].join('\n')

const DOOR_LABELS: Record<FreshnessDoor, string> = {
  graphql: 'GraphQL',
  page: 'story page',
  rest: 'REST',
}

/** The promise: fresh within a second of a publish, on every instance. */
const FRESH_WITHIN_MS = 1000

/** p50 and max of one door's figures; a publish never seen within the deadline counts as ∞. */
const freshnessSummary = (latencies: (null | number)[]) => {
  const sorted = latencies.map((ms) => ms ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b)
  return {
    max: sorted.at(-1) ?? Number.NaN,
    p50: sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length * 0.5)],
    publishes: sorted.length,
  }
}

const freshMs = (ms: number) =>
  ms === Number.POSITIVE_INFINITY
    ? `> ${FRESHNESS_DEADLINE_MS.toLocaleString('en-US')}`
    : fixed(ms, 0)

/** Per door, how long a publish on another instance took to show: undefined for old records. */
export const freshnessTable = ({ freshness }: RunRecord): string | undefined =>
  freshness
    ? [
        '| fresh after a publish on another instance | publishes | p50 ms | max ms |',
        '| --- | ---: | ---: | ---: |',
        ...FRESHNESS_DOORS.map((door) => {
          const { max, p50, publishes } = freshnessSummary(freshness[door])
          return `| ${DOOR_LABELS[door]} | ${publishes} | ${freshMs(p50)} | ${freshMs(max)} |`
        }),
      ].join('\n')
    : undefined

/** The freshness promise against the slowest publish on each door; none for old records. */
export const freshnessChecks = ({ freshness }: RunRecord): TargetCheck[] => {
  if (!freshness) {
    return []
  }
  const summaries = FRESHNESS_DOORS.map((door) => freshnessSummary(freshness[door]))
  return [
    {
      measured: `${summaries.map(({ max }) => freshMs(max)).join(' / ')} ms (the slowest of ${summaries[0].publishes})`,
      // No publishes measured is no evidence of the promise.
      pass: summaries.every(({ max, publishes }) => publishes > 0 && max <= FRESH_WITHIN_MS),
      target: `fresh within 1 s of a publish on another instance (page / REST / GraphQL): max ≤ ${FRESH_WITHIN_MS.toLocaleString('en-US')} ms`,
    },
  ]
}

const find = (record: RunRecord, key: Measurement['key']) =>
  record.measurements.find((m) => m.key === key) as Measurement

/** Today's story render, as the issue measured it (p99 1.2 s at 86 req/s). */
const ISSUE_RENDER_P99_MS = 1200

/** The render cache's targets against the bare-node limit, memory and the hit rate. */
export const pageChecks = (record: RunRecord): TargetCheck[] => {
  const { limit, rss } = record
  const checks: TargetCheck[] = []
  if (limit) {
    for (const key of ['storyPage', 'frontPage', 'delivery200'] as const) {
      const m = record.measurements.find((entry) => entry.key === key)
      if (!m) continue
      const share = m.requestsPerSecond / limit.requestsPerSecond
      const p99 = m.p99 / limit.p99
      checks.push(
        {
          measured: percent(share),
          pass: share >= 0.5,
          target: `${m.label} req/s ≥ 50 % of the limit`,
        },
        {
          measured: `${fixed(p99, 2)}×`,
          pass: p99 <= 2,
          target: `${m.label} p99 ≤ 2× the limit's p99`,
        },
      )
    }
  }
  const writes = record.measurements.find((entry) => entry.key === 'storyUnderWrites')
  if (writes?.hitRate !== undefined) {
    checks.push({
      measured: percent(writes.hitRate),
      pass: writes.hitRate >= 0.95,
      target: 'story page hit rate with a publish every 2 s ≥ 95 %',
    })
  }
  const render = record.measurements.find((entry) => entry.key === 'storyRender')
  if (render) {
    checks.push({
      measured: `${fixed(render.p99, 0)} ms`,
      pass: render.p99 <= ISSUE_RENDER_P99_MS,
      target: `a miss (story rendered by Next) p99 ≤ today's render, ${ISSUE_RENDER_P99_MS} ms`,
    })
  }
  // The app server's CPU per answer, in microseconds, over each pair of runs at one rate: with
  // the request log and without. The share is the mean of the pairs'.
  const perAnswer = (m: Measurement) => ((m.cpu?.server ?? Number.NaN) / m.requestsPerSecond) * 1e6
  const logged = record.measurements.filter((m) => m.key === 'storyPageLogged' && m.cpu)
  const unlogged = record.measurements.filter((m) => m.key === 'storyPageUnlogged' && m.cpu)
  if (logged.length > 0 && logged.length === unlogged.length) {
    const pairs = logged.map((m, index) => ({
      with: perAnswer(m),
      without: perAnswer(unlogged[index]),
    }))
    const shares = pairs.map((pair) => (pair.with - pair.without) / pair.with)
    const share = shares.reduce((sum, each) => sum + each, 0) / shares.length
    checks.push({
      measured: `${pairs.map((pair) => `${fixed(pair.with, 1)} vs ${fixed(pair.without, 1)} µs`).join('; ')}: ${percent(share)} (pairs ${shares.map(percent).join(', ')})`,
      pass: share < 0.1,
      target:
        "the request log's share of a story page hit < 10 % (the server's CPU per hit, logged vs not, at one rate, mean of the pairs)",
    })
  }
  if (rss) {
    const pagePeak = rss.pagePeak ?? rss.peak
    const ratio = pagePeak / rss.idle
    checks.push({
      measured: `${mib(pagePeak)} / ${mib(rss.idle)} = ${fixed(ratio, 2)}×`,
      pass: ratio <= 1.5,
      target:
        'server RSS under the load (delivery, page fill, hits, writes, Varnish) ≤ 1.5× idle (after one request of each kind)',
    })
    checks.push({
      measured: `${mib(rss.peak)} / ${mib(rss.idle)} = ${fixed(rss.peak / rss.idle, 2)}×`,
      pass: undefined,
      target:
        'server RSS at its peak over the whole run, REST and Next renders included (for the record)',
    })
  }
  return checks
}

/** The issue's targets, each measured within this one run. */
export const targetChecks = (record: RunRecord): TargetCheck[] => {
  const delivery = find(record, 'delivery200')
  const rest = find(record, 'rest')
  const share = delivery.requestsPerSecond / record.reference.requestsPerSecond
  const p99Ratio = delivery.p99 / record.reference.p99
  const overRest = delivery.requestsPerSecond / rest.requestsPerSecond
  return [
    {
      measured: percent(share),
      pass: share >= 0.5,
      target: 'delivery 200 req/s ≥ 50 % of the reference',
    },
    {
      measured: `${fixed(p99Ratio, 2)}×`,
      pass: p99Ratio <= 2,
      target: 'delivery 200 p99 ≤ 2× the reference p99',
    },
    {
      measured: `${fixed(overRest, 1)}×`,
      pass: overRest >= 10,
      target: 'delivery 200 req/s ≥ 10× Payload REST',
    },
  ]
}

/** The issue's targets for an editor's session ("the admin at 100,000 stories"). */
const ADMIN_TARGETS = {
  listP99Ms: 300,
  listRequestsPerSecond: 200,
  pageP90Ms: 300,
  publishP50Ms: 100,
}

/**
 * The admin's list query at the run's connections, a publish and the admin's list page one
 * editor at a time, against the issue's targets, which it sets at 100,000 articles: each check
 * names the size it was measured at. Scenarios the run did not measure are left out.
 */
export const adminChecks = (record: RunRecord): TargetCheck[] => {
  const { articles, connections } = record.facts
  const at = `on ${articles.toLocaleString('en-US')} articles`
  const checks: TargetCheck[] = []
  const list = record.measurements.find((m) => m.key === 'adminList')
  if (list) {
    checks.push({
      measured: `${fixed(list.requestsPerSecond, 0)} req/s, p99 ${fixed(list.p99, 0)} ms`,
      pass:
        list.requestsPerSecond >= ADMIN_TARGETS.listRequestsPerSecond &&
        list.p99 <= ADMIN_TARGETS.listP99Ms,
      target: `admin list query ≥ ${ADMIN_TARGETS.listRequestsPerSecond} req/s with p99 ≤ ${ADMIN_TARGETS.listP99Ms} ms at ${connections} connections ${at}`,
    })
  }
  const publish = record.measurements.find((m) => m.key === 'publish')
  if (publish) {
    checks.push({
      measured: `${fixed(publish.p50, 0)} ms (${publish.total} publishes)`,
      pass: publish.p50 <= ADMIN_TARGETS.publishP50Ms,
      target: `publish an edit, one editor at a time: p50 ≤ ${ADMIN_TARGETS.publishP50Ms} ms ${at}`,
    })
  }
  const page = record.measurements.find((m) => m.key === 'adminPage')
  if (page) {
    const p90 = page.p90 ?? Number.NaN
    checks.push({
      measured: `${fixed(p90, 0)} ms (p50 ${fixed(page.p50, 0)} ms, ${page.total} pages)`,
      pass: p90 <= ADMIN_TARGETS.pageP90Ms,
      target: `admin articles list page, one editor at a time: p90 ≤ ${ADMIN_TARGETS.pageP90Ms} ms ${at}`,
    })
  }
  return checks
}

/**
 * Latency at this size against the recorded 1,000-article run. Two runs, possibly hours apart
 * on a shared machine: noisier than the ratios above, and said so where it is printed. The
 * last check divides each run's latency by its own reference first, which takes out most of
 * what the machine's load did in between.
 */
export const scaleChecks = (large: RunRecord, small: RunRecord): TargetCheck[] => {
  const sizes = `at ${large.facts.articles.toLocaleString('en-US')} articles ≤ 1.2× at ${small.facts.articles.toLocaleString('en-US')}`
  const keys = ['delivery200', 'storyPage', 'frontPage', 'casePage', 'storyRender'] as const
  const raw = keys.flatMap((key) => {
    const now = large.measurements.find((m) => m.key === key)
    const then = small.measurements.find((m) => m.key === key)
    if (!now || !then) {
      return []
    }
    return (['p50', 'p99'] as const).map((stat) => {
      const ratio = now[stat] / then[stat]
      return {
        measured: `${fixed(now[stat])} ms vs ${fixed(then[stat])} ms = ${fixed(ratio, 2)}×`,
        pass: ratio <= 1.2,
        target: `${now.label} ${stat} ${sizes}`,
      }
    })
  })
  const relative = (record: RunRecord) => find(record, 'delivery200').p50 / record.reference.p50
  const ratio = relative(large) / relative(small)
  return [
    ...raw,
    {
      measured: `${fixed(relative(large))} vs ${fixed(relative(small))} = ${fixed(ratio, 2)}×`,
      pass: ratio <= 1.2,
      target: `delivery 200 p50 ÷ reference p50, ${sizes}`,
    },
  ]
}

const mib = (bytes: number) => `${fixed(bytes / 2 ** 20, 0)} MiB`

/** Where a server's RSS is: node's split of it and what each cache holds. */
export const describeMemory = (report: MemoryReport): string => {
  const caches = report.caches
    .map((cache) => `${cache.kind} cache ${cache.entries} entries, ${mib(cache.bytes)}`)
    .join('; ')
  return (
    `RSS ${mib(report.rss)}: JS heap ${mib(report.heapUsed)} used of ${mib(report.heapTotal)}, ` +
    `buffers ${mib(report.arrayBuffers)}, the rest (code, Next's and V8's native memory, malloc) ` +
    `${mib(report.rss - report.heapTotal - report.arrayBuffers)}` +
    (caches ? `; ${caches}` : '')
  )
}

/** Where the server's memory was at idle and at the page load's peak, as notes. */
export const memoryNotes = ({ rss }: RunRecord): string[] => [
  ...(rss?.idleMemory ? [`Memory at idle: ${describeMemory(rss.idleMemory)}.`] : []),
  ...(rss?.pageMemory
    ? [`Memory at the page load's peak: ${describeMemory(rss.pageMemory)}.`]
    : []),
]

export const checksTable = (checks: TargetCheck[]): string =>
  [
    '| target | measured | result |',
    '| --- | ---: | --- |',
    ...checks.map(
      (c) =>
        `| ${c.target} | ${c.measured} | ${c.pass === undefined ? 'recorded' : c.pass ? 'PASS' : 'FAIL'} |`,
    ),
  ].join('\n')

const DATA_MARK = 'bench-data'

/** Microseconds are as fine as these numbers mean anything. */
const roundNumbers = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value

/** One size's section of docs/BENCHMARKS.md, with its numbers kept as JSON for later runs. */
export const sectionMarkdown = (
  record: RunRecord,
  checks: TargetCheck[],
  notes: string[],
): string => {
  const { facts } = record
  return [
    `## ${facts.articles.toLocaleString('en-US')} articles`,
    '',
    `Run ${facts.date} on ${facts.cores} × ${facts.cpu}, Node ${facts.node}, ${facts.database}; ` +
      `${facts.connections} connections, ${facts.warmup} s warm-up then ${facts.duration} s per ` +
      `scenario, requests rotating over ${facts.slugs} articles; seeding took ${fixed(facts.seedSeconds, 1)} s.`,
    '',
    resultsTable(record),
    '',
    ...[freshnessTable(record), hookShareTable(record.hookShare)].flatMap((table) =>
      table ? [table, ''] : [],
    ),
    checksTable(checks),
    ...(notes.length > 0 ? ['', ...notes.map((note) => `- ${note}`)] : []),
    '',
    `<!-- ${DATA_MARK} ${JSON.stringify(record, roundNumbers)} -->`,
  ].join('\n')
}

const sectionPattern = /<!-- bench:(\d+) -->([\s\S]*?)<!-- \/bench:\1 -->/g

/** The sections already in the file, by article count. */
export const readSections = (markdown: string): Map<number, string> =>
  new Map(
    [...markdown.matchAll(sectionPattern)].map((match) => [Number(match[1]), match[2].trim()]),
  )

export const readRecord = (section: string | undefined): RunRecord | undefined => {
  const match = section?.match(new RegExp(`<!-- ${DATA_MARK} (.*) -->`))
  return match ? (JSON.parse(match[1]) as RunRecord) : undefined
}

/**
 * The whole file: the fixed introduction, then one section per article count, smallest first.
 * Only the section for `articles` changes; the others are kept as they were.
 */
export const replaceSection = (
  markdown: string,
  introduction: string,
  articles: number,
  section: string,
): string => {
  const sections = readSections(markdown)
  sections.set(articles, section)
  // Sections other scripts own (`npm run load` writes `<!-- load -->`) stay as they were.
  const others = [...markdown.matchAll(/<!-- ([a-z][\w-]*) -->[\s\S]*?<!-- \/\1 -->/g)].map(
    ([block]) => block,
  )
  return [
    introduction.trimEnd(),
    ...[...sections.entries()]
      .sort(([a], [b]) => a - b)
      .map(([size, body]) => `<!-- bench:${size} -->\n\n${body}\n\n<!-- /bench:${size} -->`),
    ...others,
  ]
    .join('\n\n')
    .concat('\n')
}

export const INTRODUCTION = `# Benchmarks

Written by \`npm run bench\` (see README, "Benchmarks"); each run replaces only the section for
its article count. Reproduce with:

\`\`\`sh
npm run bench                        # 1,000 articles
npm run bench -- --articles 100000   # the large run
\`\`\`

What runs: a synthetic newsroom is bulk-seeded into a new SQLite file (every article published,
~800 words with a pull quote and an inline case citation, 3 quotes, 2 cases, 3 related stories),
the production server starts on it (\`npm run build\` output, \`NODE_ENV=production\`, the
committed migrations), and autocannon loads each scenario in turn from the same machine:

- **delivery 200**: \`GET /api/articles/delivery/:slug\`, no validator.
- **delivery 304**: the same with \`If-None-Match\` set to the article's ETag.
- **Payload REST depth=2**: \`GET /api/articles?where[slug][equals]=:slug&depth=2\`, through Next,
  with a \`payload-lng\` cookie that sends it past the API cache.
- **REST depth=2, API cache / GraphQL story, API cache**: the same REST read, and a GraphQL
  query of one article with its quotes, cases and related coverage, as an anonymous reader:
  answered by the API cache (\`src/host/apiCache/\`) once each slug has been read.
- **front page /**: the site's index page, rendered by Next per request.
- **limit**: a bare \`node:http\` server in its own process sending the bytes of a story page
  from memory: the machine's limit for one HTTP answer. Measured first and last, averaged.
- **story / front / case page hit**: the site's pages answered by the render cache
  (\`src/host/pageCache/\`), before the express stack and Next.
- **story page hit at a set rate, logged / request log off**: what the request log costs a
  hit, as the server's CPU per answer. Three pairs of runs, in turn logged and not (the order
  flipped from pair to pair, since the server warms up and the machine drifts), all at 70 % of
  the rate the story page hits reached: a busier server spends less on each answer, so runs
  compared by CPU per answer are run at one rate.
- **story page, a publish every 2 s**: the same while a second Payload instance on the same
  database edits a live story every 2 s; the hit rate counts \`X-Cache: HIT\` answers.
- **story page rendered by Next**: a query string sends the request past the cache, so Next
  renders it: what a miss costs.
- **story page through Varnish**: Varnish 7.1 with \`varnish/newsroom.vcl\` in front (when
  \`varnishd\` is installed), purged by key through the \`cache.onPurge\` option; its hit rate
  counts Varnish's own \`X-Varnish-Cache: HIT\` answers, so the row is known to measure
  Varnish's copy and not the app behind it.
- **admin list query**: \`GET /api/articles?draft=true&sort=-updatedAt&limit=10&depth=0\` with
  a signed-in editor's session cookie (an editor made for the run, signed in through
  \`/api/users/login\`), at the run's connections: the admin's list of stories, drafts
  included, newest change first. Signed-in requests are never answered from a cache.
- **admin articles list page**: \`/admin/collections/articles\` rendered by Next for the same
  editor, one request at a time (one editor); its check reads the p90.
- **publish an edit**: the editor's \`PATCH /api/articles/:id\` with a new dek and
  \`_status: published\`, one at a time, rotating over 20 live stories outside the ones the
  reads rotate over: what pressing Publish on a live story costs, hooks and all.
- **fresh after a publish on another instance** (its own table): once the load is over, the
  bench's Payload, a second instance on the same database, edits a live story's dek 20 times
  (\`--publishes\`), one at a time, each with the story's page, its REST read (\`depth=0\`) and
  a GraphQL query of it cached on the server beforehand; from the write's acknowledgement each
  door is polled every 15 ms until it shows the new dek. The check "fresh within 1 s of a
  publish on another instance" holds the slowest publish on each door to the promise; the
  tests wait for the change without timing it.
- **reference**: an express route in the same process that answers the same article's delivery
  bytes from a buffer made once, with its ETag: the fastest this process answers anything. It is
  measured first and last; ratios use the mean of the two.
- **admin list query**: what the admin's list of stories asks, as a signed-in editor:
  \`GET /api/articles?draft=true&sort=-updatedAt&limit=10&depth=0\` at the run's connections.
- **admin articles list page** and **publish an edit**: one editor at a time,
  \`/admin/collections/articles\` (p90) and a REST \`PATCH\` that publishes an edit (p50).
- **uncached list reads with and without hooks** (after the load, in the bench's own process):
  the anonymous read of ten articles, quotes, cases and sections as readers meet it, with every
  collection and field hook taken out, and without each hook alone, taking turns read by read.

Requests rotate over the same set of articles in every scenario but the front page. The set is
smaller than the delivery cache (1,000 slugs), so delivery measures cache hits; the shared
change log is read at most every 250 ms while requests come, and hits are answered from memory
while it is read (only an instance idle for two intervals waits for it); a miss costs one
render, about what a REST read costs. Latencies are per request, from autocannon's response
events (sub-millisecond). The server runs with \`SERVER_URL\` set, as a deployment behind a
CDN does, so Varnish's fetches find the same cached pages as direct requests.

Memory: the server's idle RSS is read once it has answered one request of each kind (delivery
JSON and ninjs, the reference, REST, the front, story and case pages, a story rendered by Next)
and rested 2 s. What the first request of a kind loads (Next's compiled pages, React, Payload's
REST handlers) stays for the life of the process whatever the traffic, so it belongs to idle,
not to the load. The load's RSS is the most seen from the delivery scenarios through the
Varnish one (cache fills, hits, writes); the notes give node's split of it and each cache's
size (the page cache, and the delivery cache the server and Next's pages share) at idle and at
that peak. The caches are bounded (\`NEWSROOM_PAGE_CACHE_BYTES\`, the plugin's
\`cache.deliveryMaxBytes\` and \`cache.deliveryMaxEntries\`); the rest of the growth is the
JS heap V8 keeps after Next's renders.

The load generator runs on the same machine as the server, so on a machine with few cores both
compete for CPU; the ratios, taken within one run, are the numbers to compare. The last column
gives the cores each kept busy while measured: the load generator is the bench's own process
(autocannon, one JavaScript thread, and the writing instance in the write scenario), the app
server the production process. Two rows that come out alike are still two measurements (each
row's answer count is in the data below it): the 20:35 run of 2026-12-01 gave 7,489 req/s
both for the story page under writes and through Varnish, from 74,885 and 74,890 answers with
different latencies, that the runs recorded here do not repeat. The Varnish row's hit rate counts
Varnish's own \`X-Varnish-Cache: HIT\`, and its app-server CPU is nil: it measures Varnish's
copy, not the app behind it.
`
