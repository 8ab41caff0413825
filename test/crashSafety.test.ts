import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import { databaseKind } from '../src/host/database/database'
import { freshDatabaseUri } from './helpers/database'
import { type HttpClient, httpClient, listAll, registerFirstAdmin } from './helpers/httpClient'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'
import { waitFor } from './helpers/waitFor'

/**
 * kill -9 of a production instance while editors write through REST, then a restart on the
 * same database. Every article describes in its headline what it was saved with (its quotes,
 * cases, related coverage and number of corrections), so a half-written one shows itself.
 *
 * On MongoDB (FerretDB here, and any server that is not a replica set) Payload writes without
 * transactions: an article is one document, so it is never half-written, and acknowledged
 * writes are kept; but an article and its versions are separate writes, so the version
 * invariants hold only with transactions (a replica set) and are not asserted there.
 */
const kind = databaseKind(process.env.DATABASE_URI)
const transactional = kind !== 'mongodb'
// The issue asks ten rounds of SQLite and PostgreSQL; without transactions FerretDB checks less
// (acknowledged writes and whole articles), in fewer rounds.
const ROUNDS = kind === 'mongodb' ? 4 : 10
const WRITERS = 4

jest.setTimeout(15 * 60_000)

type Id = number | string
type Saved = { cases: Id[]; corrections: number; headline: string; quotes: Id[]; related: Id[] }
type Tracked = {
  /** What the last acknowledged write stored. */
  acked: Saved
  /** Writes sent after it that got no answer: any one of them may have committed. */
  maybe: Saved[]
}

let app: ProductionApp | undefined
let databaseUri: string
let admin: HttpClient
const pool: { cases: Id[]; quotes: Id[]; related: Id[] } = { cases: [], quotes: [], related: [] }
const articles = new Map<string, Tracked>()
const roundsDone: { acked: number; killedAfter: number; unanswered: number }[] = []

const headlineOf = (tag: string, saved: Omit<Saved, 'headline'>) =>
  `crash ${tag} q=${saved.quotes.join(',')} c=${saved.cases.join(',')} r=${saved.related.join(',')} k=${saved.corrections}`

const idsOf = (value: unknown): string[] =>
  ((value as unknown[]) ?? []).map((item) =>
    String(typeof item === 'object' && item !== null ? (item as { id: Id }).id : item),
  )

/** What a stored article says it was saved with, and what it holds. */
const describes = (doc: Record<string, any>) => {
  const match = /q=([^ ]*) c=([^ ]*) r=([^ ]*) k=(\d+)$/.exec(String(doc.headline))
  return {
    claimed: match && {
      cases: match[2].split(',').filter(Boolean),
      corrections: Number(match[4]),
      quotes: match[1].split(',').filter(Boolean),
      related: match[3].split(',').filter(Boolean),
    },
    held: {
      cases: idsOf(doc.cases),
      corrections: (doc.corrections ?? []).length,
      quotes: idsOf(doc.quotes),
      related: idsOf(doc.relatedCoverage),
    },
  }
}

const pick = <T>(list: T[], count: number): T[] =>
  [...list].sort(() => Math.random() - 0.5).slice(0, count)

const start = async () => {
  app = await startProductionApp({ databaseUri, port: app?.port })
  admin = httpClient(() => (app as ProductionApp).baseUrl, token)
}

let token: string
let ackedWrites = 0

/** One editor: create and publish, update related coverage, add corrections, until stopped. */
const editor = async (worker: number, round: number, stopped: () => boolean) => {
  const stats = { acked: 0, unanswered: 0 }
  const own: string[] = []
  for (let step = 0; !stopped(); step++) {
    const tag = `r${round}w${worker}s${step}`
    const certain = own.filter((id) => articles.get(id)?.maybe.length === 0)
    const operation = certain.length === 0 ? 0 : step % 3
    let id: string | undefined
    let next: Saved
    let send: () => Promise<{ body: any; status: number }>
    if (operation === 0) {
      const saved = {
        cases: pick(pool.cases, 1),
        corrections: 0,
        quotes: pick(pool.quotes, 2),
        related: pick(pool.related, 2),
      }
      next = { ...saved, headline: headlineOf(tag, saved) }
      send = () =>
        admin.post('/api/articles', {
          _status: 'published',
          cases: next.cases,
          dek: `Written by editor ${worker} in round ${round}.`,
          headline: next.headline,
          quotes: next.quotes,
          relatedCoverage: next.related,
        })
    } else {
      id = certain[step % certain.length]
      const tracked = articles.get(id) as Tracked
      const current = await admin.get(`/api/articles/${id}?depth=0`).catch(() => undefined)
      if (!current || current.status !== 200) {
        break
      }
      const saved =
        operation === 1
          ? { ...tracked.acked, related: pick(pool.related, 3) }
          : { ...tracked.acked, corrections: tracked.acked.corrections + 1 }
      next = { ...saved, headline: headlineOf(tag, saved) }
      tracked.maybe.push(next)
      const corrections =
        operation === 2
          ? [
              ...(current.body.corrections ?? []),
              { text: `Correction ${tag}.`, type: 'correction' },
            ]
          : undefined
      send = () =>
        admin.patch(`/api/articles/${id}`, {
          _status: 'published',
          headline: next.headline,
          ...(operation === 1 ? { relatedCoverage: next.related } : { corrections }),
        })
    }
    const answer = await send().catch(() => undefined)
    if (!answer) {
      stats.unanswered++
      break
    }
    if (answer.status !== 200 && answer.status !== 201) {
      throw new Error(`${tag} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    }
    stats.acked++
    ackedWrites++
    const docId = String(answer.body.doc.id)
    articles.set(docId, { acked: next, maybe: [] })
    if (!id) own.push(docId)
  }
  return stats
}

/** Everything a restart must find; returns the problems, described. */
const check = async (): Promise<string[]> => {
  const problems: string[] = []
  const docs = await listAll(
    admin,
    '/api/articles?depth=0&draft=true&sort=id&where[headline][like]=crash',
  )
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  for (const [id, tracked] of articles) {
    const doc = byId.get(id)
    if (!doc) {
      problems.push(`acknowledged article ${id} is gone`)
      continue
    }
    const allowed = [tracked.acked, ...tracked.maybe].map((saved) => saved.headline)
    if (!allowed.includes(doc.headline)) {
      problems.push(`article ${id} holds "${doc.headline}", not its last acknowledged write`)
    }
  }
  for (const doc of docs) {
    const { claimed, held } = describes(doc)
    if (!claimed || JSON.stringify(claimed) !== JSON.stringify(held)) {
      problems.push(
        `article ${doc.id} is half-written: saved as ${JSON.stringify(claimed)}, holds ${JSON.stringify(held)}`,
      )
    }
  }
  if (transactional) {
    const versions = await listAll(admin, '/api/articles/versions?depth=0&sort=createdAt')
    const latest = new Map<string, Record<string, any>[]>()
    for (const version of versions) {
      const parent = String(
        typeof version.parent === 'object' ? version.parent?.id : version.parent,
      )
      if (!byId.has(parent) && String(version.version?.headline ?? '').startsWith('crash')) {
        problems.push(`version ${version.id} belongs to no article (${parent})`)
      }
      if (version.latest) {
        latest.set(parent, [...(latest.get(parent) ?? []), version])
      }
    }
    for (const doc of docs) {
      const marked = latest.get(String(doc.id)) ?? []
      if (marked.length !== 1) {
        problems.push(`article ${doc.id} has ${marked.length} versions marked latest`)
      } else if (marked[0].version?.headline !== doc.headline) {
        problems.push(
          `article ${doc.id}'s newest version reads "${marked[0].version?.headline}", the article "${doc.headline}"`,
        )
      }
    }
  }
  return problems
}

beforeAll(async () => {
  await ensureProductionBuild()
  databaseUri = await freshDatabaseUri()
  app = await startProductionApp({ databaseUri })
  token = await registerFirstAdmin(app.baseUrl)
  admin = httpClient(() => (app as ProductionApp).baseUrl, token)
  for (let n = 0; n < 6; n++) {
    const quote = await admin.post('/api/quotes', {
      speaker: { name: `Speaker ${n}` },
      text: `Quote number ${n} for the crash suite.`,
    })
    const kase = await admin.post('/api/cases', { caption: `Matter of Crash-${n}-` })
    const related = await admin.post('/api/related-stories', {
      headline: `Elsewhere ${n}`,
      url: `https://example.com/elsewhere-${n}`,
    })
    for (const answer of [quote, kase, related]) {
      expect(answer.status).toBe(201)
    }
    pool.quotes.push(quote.body.doc.id)
    pool.cases.push(kase.body.doc.id)
    pool.related.push(related.body.doc.id)
  }
})

afterAll(async () => {
  app?.signal('SIGKILL')
  await app?.exited
})

describe(`kill -9 during editors' writes (${kind})`, () => {
  it(`loses no acknowledged write and leaves nothing half-written, over ${ROUNDS} rounds`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      let stop = false
      const ackedBefore = ackedWrites
      const writers = Array.from({ length: WRITERS }, (_, worker) =>
        editor(worker, round, () => stop),
      )
      // Once writes are flowing (a fresh instance answers its first ones slowly), after a
      // number of further acknowledged writes no one chose: as one is answered, the other
      // writers' creates, updates and corrections are in flight.
      const killedAfter = Math.floor(Math.random() * 3 * WRITERS)
      await waitFor(() => ackedWrites >= ackedBefore + WRITERS + killedAfter, {
        intervalMs: 5,
        timeoutMs: 60_000,
        what: `${WRITERS + killedAfter} acknowledged writes in round ${round}`,
      })
      const running = app as ProductionApp
      process.kill(running.pid, 'SIGKILL')
      stop = true
      const results = await Promise.all(writers)
      expect(await running.exited).toEqual({ code: null, signal: 'SIGKILL' })

      await start()
      const problems = await check()
      expect({ problems, round }).toEqual({ problems: [], round })
      roundsDone.push({
        acked: results.reduce((sum, result) => sum + result.acked, 0),
        killedAfter,
        unanswered: results.reduce((sum, result) => sum + result.unanswered, 0),
      })
    }
    console.log(`crash safety (${kind}): ${articles.size} articles, ${JSON.stringify(roundsDone)}`)
    // The kills must have landed during writes, or the suite proved nothing.
    expect(roundsDone.reduce((sum, round) => sum + round.unanswered, 0)).toBeGreaterThan(ROUNDS)
    expect(articles.size).toBeGreaterThan(ROUNDS)
  })

  it('restarts cleanly and keeps serving reads and writes', async () => {
    const output = (app as ProductionApp).output()
    expect(output).not.toMatch(/"level":\s*(50|60)|"level":"(error|fatal)"/)
    const ready = await fetch(`${(app as ProductionApp).baseUrl}/readyz`)
    expect(ready.status).toBe(200)
    const created = await admin.post('/api/articles', {
      _status: 'published',
      headline: 'After the crashes',
    })
    expect(created.status).toBe(201)
  })
})
