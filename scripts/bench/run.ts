// Must stay the first import: it loads .env before anything reads process.env.
import { projectRoot } from '../../src/host/server/env'

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import type { FreshnessRecord } from './freshness'
import type { HookShareRow } from './hookShare'
import type { RunFacts, RunRecord, TargetCheck } from './report'
import type { Measurement } from './scenarios'

import { databaseKind } from '../../src/host/database/database'
import { BENCH_USAGE, parseBenchArgs } from './args'
import { articleSlug, casePoolSize, syntheticCase, syntheticHeadline } from './corpus'
import { freePort } from '../../src/host/utilities/freePort'
import { measureFreshness } from './freshness'
import { hookShareChecks, hookShareTable, measureHookShare } from './hookShare'
import { residentBytes, startBareNode, startVarnish, varnishAvailable } from './helpers'
import { signInEditor } from './editor'
import { startWriter, storiesBySlug } from './writer'
import {
  adminChecks,
  checksTable,
  combineReference,
  freshnessChecks,
  freshnessTable,
  pageChecks,
  INTRODUCTION,
  memoryNotes,
  readRecord,
  readSections,
  replaceSection,
  resultsTable,
  scaleChecks,
  sectionMarkdown,
  targetChecks,
} from './report'
import {
  adminScenarios,
  checkAdminRequests,
  firstOfEachKind,
  memoryReport,
  pageScenarios,
  prepareScenarios,
  runScenario,
  type MemoryReport,
} from './scenarios'
import { seedSynthetic } from './seedSynthetic'
import { buildApp, startBenchServer } from './server'
import { verifySyntheticShape } from './verifyShape'
import { runScript } from '../../src/host/utilities/runScript'

/** The size the large run's latency is compared with. */
const BASELINE_ARTICLES = 1000

/** More change than this between the reference's two runs means the machine was not steady. */
const MAX_REFERENCE_DRIFT = 0.2

const say = (message: string) => process.stderr.write(`[bench] ${message}\n`)

/** Spread over the whole corpus, newest to oldest, so old and new stories both get read. */
const sampleSlugs = (articles: number, count: number) =>
  Array.from({ length: count }, (_, slot) => {
    const index = Math.floor((slot * articles) / count)
    return articleSlug(index, syntheticHeadline(index).headline)
  })

/** Live stories the editor publishes again in the publish scenario. */
const PUBLISHED_STORIES = 20

/**
 * Stories midway between the sampled ones, so the editor's publishes change none of what the
 * read scenarios rotate over (unless every story is sampled, in a tiny run).
 */
const editedSlugs = (articles: number, count: number) =>
  Array.from({ length: Math.min(count, articles) }, (_, slot) => {
    const index = Math.floor(((slot + 0.5) * articles) / Math.min(count, articles))
    return articleSlug(index, syntheticHeadline(index).headline)
  })

/**
 * Seeds the database in this process. The instance stays open: it is the second instance that
 * publishes during the write scenario (Payload hands back the same, closed, instance after
 * `destroy`, so it is not closed and reopened).
 */
const seed = async (articles: number): Promise<{ payload: Payload; seconds: number }> => {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const { databaseHasContent } = await import('../../src/host/seed/seedPiece')
  const payload = await getPayload({ config })
  try {
    if (await databaseHasContent(payload)) {
      throw new Error('the database already has content; the bench seeds an empty one only')
    }
    say(`seeding ${articles.toLocaleString('en-US')} articles`)
    const started = performance.now()
    let lastReport = started
    await seedSynthetic({
      articles,
      onProgress: (done, total) => {
        if (performance.now() - lastReport > 10_000 || done === total) {
          lastReport = performance.now()
          say(`  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`)
        }
      },
      payload,
    })
    const seconds = (performance.now() - started) / 1000
    say(`seeded in ${seconds.toFixed(1)} s; checking it reads back like real articles`)
    await verifySyntheticShape(payload, articles)
    return { payload, seconds }
  } catch (error) {
    await payload.destroy()
    throw error
  }
}

const main = async (): Promise<void> => {
  const options = parseBenchArgs(process.argv.slice(2))
  if (options === 'help') {
    console.log(BENCH_USAGE)
    return
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'))
  const databaseUri = options.databaseUri ?? `file:${path.join(workDir, 'bench.db')}`
  const varnishPort = varnishAvailable() ? await freePort() : undefined
  // The seed runs as production does (committed migrations), with a secret nobody keeps. The
  // bench's own Payload (the seed, then the writer) purges Varnish as the server does.
  Object.assign(process.env, {
    DATABASE_URI: databaseUri,
    ...(varnishPort ? { NEWSROOM_PURGE_URLS: `http://127.0.0.1:${varnishPort}/` } : {}),
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  })

  try {
    if (options.skipBuild) {
      if (!fs.existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) {
        throw new Error('--skip-build needs an existing build: run npm run build first')
      }
    } else {
      say('npm run build')
      await buildApp(projectRoot)
    }

    const { payload: writerPayload, seconds: seedSeconds } = await seed(options.articles)
    const slugs = sampleSlugs(options.articles, options.slugs)

    say('starting the production server')
    const server = await startBenchServer({
      databaseUri,
      logFile: path.join(workDir, 'server.log'),
      root: projectRoot,
    })
    const measurements: Measurement[] = []
    let freshness: FreshnessRecord | undefined
    let hookShare: HookShareRow[] | undefined
    const references: Measurement[] = []
    const limits: Measurement[] = []
    // Idle is the instance as it stands once it has answered one request of each kind: what
    // it loads for the first one (Next's pages and React among them) is there for good after
    // the first reader, whatever the load, so it is not what the load costs.
    await firstOfEachKind({
      baseUrl: server.baseUrl,
      caseSlug: syntheticCase(0).slug,
      slug: slugs[0],
    })
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const idleRss = residentBytes(server.pid)
    const idleMemory = await memoryReport(server.baseUrl)
    let pageMemory: MemoryReport | undefined
    let peakRss = idleRss
    // The most seen while the page scenarios (the cache's hits, the writes, Varnish) ran, from
    // the first page render on; REST and Next's own renders grow the heap for reasons of their
    // own and run after them.
    let pagePeakRss = idleRss
    let inPages = false
    const sampler = setInterval(() => {
      const now = residentBytes(server.pid)
      peakRss = Math.max(peakRss, now)
      if (inPages) {
        pagePeakRss = Math.max(pagePeakRss, now)
      }
    }, 250)
    // Where the memory is, once a second under the page load: the report with the most RSS.
    const memorySampler = setInterval(() => {
      if (!inPages) {
        return
      }
      void memoryReport(server.baseUrl).then((report) => {
        if (report && report.rss > (pageMemory?.rss ?? 0)) {
          pageMemory = report
        }
      })
    }, 1000)
    const helpers: { stop: () => Promise<void> }[] = []
    // Taken when the load begins, not before the seed: a large seed takes minutes.
    const loadAtStart = os.loadavg()[0]
    try {
      const scenarios = await prepareScenarios({ baseUrl: server.baseUrl, slugs })
      const story = await fetch(`${server.baseUrl}/news/${slugs[0]}`)
      const pageFile = path.join(workDir, 'story.html')
      fs.writeFileSync(pageFile, Buffer.from(await story.arrayBuffer()))
      const bare = await startBareNode(projectRoot, pageFile)
      helpers.push(bare)
      const varnish = varnishPort
        ? await startVarnish({
            backendPort: Number(new URL(server.baseUrl).port),
            port: varnishPort,
            root: projectRoot,
            workDir,
          })
        : undefined
      if (varnish) {
        helpers.push(varnish)
      } else {
        say('varnishd is not installed: skipping the Varnish scenario')
      }
      const editor = await signInEditor({ baseUrl: server.baseUrl, payload: writerPayload })
      await checkAdminRequests({
        articles: options.articles,
        baseUrl: server.baseUrl,
        editor,
        newestHeadline: syntheticHeadline(0).headline,
      })
      const edited = await storiesBySlug(
        writerPayload,
        editedSlugs(options.articles, PUBLISHED_STORIES),
      )
      inPages = true
      const caseSlugs = Array.from(
        { length: Math.min(50, casePoolSize(options.articles)) },
        (_, index) => syntheticCase(index).slug,
      )
      scenarios.push(
        ...(await pageScenarios({
          baseUrl: server.baseUrl,
          caseSlugs,
          limitUrl: bare.baseUrl,
          slugs,
          varnishUrl: varnish?.baseUrl,
        })),
      )
      scenarios.push(...adminScenarios({ editor, publishIds: edited.map((doc) => doc.id) }))
      const reference = scenarios.find((scenario) => scenario.key === 'reference')
      const limit = scenarios.find((scenario) => scenario.key === 'limit')
      const ends = [reference, limit]
      const pageKeys = new Set([
        'storyPage',
        'storyPageLogged',
        'storyPageUnlogged',
        'frontPage',
        'casePage',
        'storyUnderWrites',
        'storyVarnish',
      ])
      const pages = scenarios.filter((scenario) => pageKeys.has(scenario.key))
      // Delivery before the writes, which change the ETags its 304 scenario sends.
      const delivery = scenarios.filter((scenario) => scenario.key.startsWith('delivery'))
      const first = [...ends, ...delivery, ...pages]
      const order = [
        ...first,
        ...scenarios.filter((scenario) => !first.includes(scenario)),
        limit,
        reference,
      ].filter((scenario) => scenario !== undefined)
      const lastPage = pages.at(-1)
      for (const [position, scenario] of order.entries()) {
        say(`${scenario.label}: ${options.warmup} s warm-up, ${options.duration} s measured`)
        const writer =
          scenario.key === 'storyUnderWrites'
            ? await startWriter({ payload: writerPayload, slugs })
            : undefined
        const rateOf = scenario.rateOf
          ? measurements.find((measured) => measured.key === scenario.rateOf?.key)
          : undefined
        if (scenario.rateOf && !rateOf) {
          throw new Error(
            `${scenario.label}: runs at the rate of ${scenario.rateOf.key}, not measured before it`,
          )
        }
        const rate = rateOf
          ? Math.round(rateOf.requestsPerSecond * (scenario.rateOf?.share ?? 1))
          : undefined
        const measurement = await runScenario(scenario, {
          baseUrl: server.baseUrl,
          connections: options.connections,
          duration: options.duration,
          rate,
          serverPid: server.pid,
          warmup: options.warmup,
        })
        if (rate) {
          measurement.label = `${scenario.label}, ${rate} req/s`
        }
        if (writer) {
          const writes = await writer.stop()
          measurement.label = `${scenario.label} (${writes} writes)`
        }
        if (scenario === reference || scenario === limit) {
          ;(scenario === reference ? references : limits).push(measurement)
          measurement.label = `${scenario.label}, ${position < 2 ? 'first' : 'last'}`
        }
        measurements.push(measurement)
        if (scenario === lastPage) {
          inPages = false
        }
        say(
          `  ${measurement.requestsPerSecond.toFixed(0)} req/s, p50 ${measurement.p50.toFixed(2)} ms, p99 ${measurement.p99.toFixed(2)} ms, server RSS now ${(residentBytes(server.pid) / 2 ** 20).toFixed(0)} MiB`,
        )
      }
      // After the load, on a server nothing else asks: what is timed is the change log's read,
      // the purge and the refill, not a queue behind autocannon's requests.
      say(`freshness: ${options.publishes} publishes on another instance, one at a time`)
      freshness = await measureFreshness({
        baseUrl: server.baseUrl,
        payload: writerPayload,
        publishes: options.publishes,
        slugs,
      })
      // In this process, on the same database: Payload's read with and without the hooks.
      say("uncached list reads with and without the newsroom's hooks")
      hookShare = await measureHookShare({ payload: writerPayload })
    } finally {
      clearInterval(sampler)
      clearInterval(memorySampler)
      for (const helper of helpers) {
        await helper.stop()
      }
      await server.stop()
      await writerPayload.destroy()
    }

    const cpus = os.cpus()
    const facts: RunFacts = {
      articles: options.articles,
      connections: options.connections,
      cores: cpus.length,
      cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
      database: databaseKind(databaseUri) === 'sqlite' ? 'SQLite' : databaseKind(databaseUri),
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      duration: options.duration,
      node: process.version,
      seedSeconds,
      slugs: slugs.length,
      warmup: options.warmup,
    }
    const record: RunRecord = {
      facts,
      freshness,
      hookShare,
      limit: limits.length > 0 ? combineReference(limits) : undefined,
      measurements,
      reference: combineReference(references),
      rss: { idle: idleRss, idleMemory, pageMemory, pagePeak: pagePeakRss, peak: peakRss },
    }

    const output = path.resolve(projectRoot, options.output)
    const existing = fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : ''
    const checks: TargetCheck[] = [
      ...targetChecks(record),
      ...pageChecks(record),
      ...adminChecks(record),
      ...freshnessChecks(record),
      ...hookShareChecks(hookShare),
    ]
    const notes = [
      `Load average (1 min) when the measurements began: ${loadAtStart.toFixed(2)} on ${cpus.length} cores.`,
      ...memoryNotes(record),
    ]
    const [first, last] = references.map((run) => run.requestsPerSecond)
    const drift = Math.abs(first - last) / ((first + last) / 2)
    if (drift > MAX_REFERENCE_DRIFT) {
      notes.push(
        `The reference moved ${(drift * 100).toFixed(0)} % between its first and last run: the machine's speed changed during the run, so these ratios are rough. Rerun on a quiet machine.`,
      )
    }
    if (options.articles > BASELINE_ARTICLES) {
      const baseline = readRecord(readSections(existing).get(BASELINE_ARTICLES))
      if (baseline) {
        checks.push(...scaleChecks(record, baseline))
        notes.push(
          `The scale check compares with the ${BASELINE_ARTICLES.toLocaleString('en-US')}-article section as recorded (${baseline.facts.date}): two runs, so noisier than the in-run ratios.`,
        )
      } else {
        notes.push(
          `No ${BASELINE_ARTICLES.toLocaleString('en-US')}-article section recorded yet: run that size to get the scale check.`,
        )
      }
    }

    const extra = [freshnessTable(record), hookShareTable(hookShare)].filter(Boolean)
    console.log(
      `\n${resultsTable(record)}\n\n${extra.map((table) => `${table}\n\n`).join('')}${checksTable(checks)}\n`,
    )
    const markdown = replaceSection(
      existing,
      INTRODUCTION,
      options.articles,
      sectionMarkdown(record, checks, notes),
    )
    // Formatted as `npm run lint` expects, so a committed result never fails the check.
    const prettier = await import('prettier')
    const style = await prettier.resolveConfig(output)
    fs.mkdirSync(path.dirname(output), { recursive: true })
    fs.writeFileSync(output, await prettier.format(markdown, { ...style, parser: 'markdown' }))
    say(`wrote ${path.relative(projectRoot, output)}`)
  } finally {
    if (options.keep) {
      say(`kept ${workDir}`)
    } else {
      fs.rmSync(workDir, { force: true, recursive: true })
    }
  }
}

runScript(main)
