import type { Payload, PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { createLocalReq, getPayload } from 'payload'

import {
  type Change,
  type ChangeFeed,
  changeFeedFor,
  createChangeFeed,
} from '../src/cache/changeFeed'
import { CHANGE_LOG_SLUG } from '../src/cache/changeLogCollection'
import { databaseKind } from '../src/host/database/database'
import { holdsFor } from './helpers/holdsFor'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { endPostgresPool } from './helpers/endPostgresPool'
import { createRestClient } from './helpers/rest'
import { signIn } from './helpers/users'
import { waitFor } from './helpers/waitFor'

const kind = databaseKind(process.env.DATABASE_URI)

/** What a feed's listener has been told, keys merged; `all` once it was told everything. */
const listen = (feed: ChangeFeed) => {
  const told = { all: false, keys: new Set<string>() }
  feed.subscribe((change: Change) => {
    if (change.all) told.all = true
    else for (const key of change.keys) told.keys.add(key)
  })
  return told
}

const createTopic = (payload: Payload, name: string, req?: PayloadRequest) =>
  payload.create({ collection: 'topics', data: { name }, req })

/**
 * Two Payload instances on one database, as two servers behind a load balancer run: each
 * appends its writes to the change log, and each reads the other's from it.
 */
let a: TestPayload
let b: Payload

beforeAll(async () => {
  a = await startTestPayload()
  // The same config on the same database, under a key of its own: a second instance.
  b = await getPayload({ config: a.config, key: `second-instance-${randomUUID()}` })
})

afterAll(async () => {
  await b?.destroy()
  if (b) await endPostgresPool(b)
  await a?.payload.destroy()
})

describe('the change log shared by two instances', () => {
  it('loses no entry when both write at once, each written once', async () => {
    const onA = createChangeFeed({ payload: a.payload })
    const onB = createChangeFeed({ payload: b })
    const toldA = listen(onA)
    const toldB = listen(onB)
    // The first read sets where each starts.
    await Promise.all([onA.refresh(), onB.refresh()])

    const run = randomUUID().slice(0, 8)
    const topics = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        createTopic(n % 2 === 0 ? a.payload : b, `Concurrent topic ${run} ${n}`),
      ),
    )
    const expected = topics.map((topic) => `topics:${topic.id}`)

    await Promise.all([onA.refresh(), onB.refresh()])
    for (const told of [toldA, toldB]) {
      expect(told.all).toBe(false)
      expect(expected.filter((key) => !told.keys.has(key))).toEqual([])
    }
    // One entry per write: nothing lost, nothing appended twice.
    const { docs } = await a.payload.find({
      collection: CHANGE_LOG_SLUG,
      limit: 0,
      overrideAccess: true,
      pagination: false,
    })
    const entriesFor = (key: string) =>
      docs.filter((entry) => (entry.keys as string[]).includes(key)).length
    expect(expected.map(entriesFor)).toEqual(expected.map(() => 1))
  })

  it('is read by no one over REST or GraphQL, an admin included', async () => {
    const rest = createRestClient(a.config)
    await createTopic(a.payload, `Logged ${randomUUID()}`)
    const admin = await signIn(a.payload, rest, 'admin')
    for (const token of [undefined, admin]) {
      const list = await rest.get(`/api/${CHANGE_LOG_SLUG}`, { token })
      expect(list.status).toBe(403)
      expect(JSON.stringify(list.body)).not.toMatch(/topics:/)
      const added = await rest.post(`/api/${CHANGE_LOG_SLUG}`, { body: { keys: ['x'] }, token })
      expect(added.status).toBe(403)
    }
    const schema = await rest.graphql('{ __schema { queryType { fields { name } } } }', {
      token: admin,
    })
    const queries = (schema.body.data.__schema.queryType.fields as { name: string }[]).map(
      (field) => field.name,
    )
    expect(queries).toContain('Topics')
    expect(queries.filter((name) => /change/i.test(name))).toEqual([])
  })

  // A transaction that began before another's commit and ends after a reader has read: its
  // entry is older than one the reader has seen, and must still be reported. (FerretDB has no
  // transactions: each entry is visible once written.)
  ;(kind === 'mongodb' ? it.skip : it)(
    'reports an entry whose transaction committed after a newer one was read',
    async () => {
      const reader = createChangeFeed({ payload: b })
      const told = listen(reader)
      await reader.refresh()

      const req = await createLocalReq({}, a.payload)
      req.transactionID = (await a.payload.db.beginTransaction()) ?? undefined
      expect(req.transactionID).toBeDefined()
      const late = await createTopic(a.payload, `Committed late ${randomUUID()}`, req)
      // On PostgreSQL another writer commits meanwhile, with a newer entry. (SQLite has one
      // writer at a time: there the late entry is only read around.)
      const newer =
        kind === 'postgres' ? await createTopic(b, `Committed first ${randomUUID()}`) : undefined

      await reader.refresh()
      if (newer) expect(told.keys).toContain(`topics:${newer.id}`)
      expect(told.keys).not.toContain(`topics:${late.id}`)

      await a.payload.db.commitTransaction(req.transactionID as number | string)
      await reader.refresh()
      expect(told.keys).toContain(`topics:${late.id}`)
      expect(told.all).toBe(false)
    },
  )

  it('purges the writer once more when its write is seen committed, and lets a rollback go', async () => {
    const feed = changeFeedFor(a.payload)
    const purged: string[][] = []
    const custom = a.payload.config.custom as Record<string, unknown>
    const saved = custom.newsroomCache
    custom.newsroomCache = { onPurge: (keys: string[]) => void purged.push(keys) }
    try {
      const topic = await createTopic(a.payload, `Purged once committed ${randomUUID()}`)
      await waitFor(() => feed.pendingWrites() === 0, { what: 'the write to be seen committed' })
      expect(purged).toContainEqual(expect.arrayContaining([`topics:${topic.id}`]))

      if (kind !== 'mongodb') {
        purged.length = 0
        const req = await createLocalReq({}, a.payload)
        req.transactionID = (await a.payload.db.beginTransaction()) ?? undefined
        await createTopic(a.payload, `Rolled back ${randomUUID()}`, req)
        expect(feed.pendingWrites()).toBe(1)
        await a.payload.db.rollbackTransaction(req.transactionID as number | string)
        delete req.transactionID
        await waitFor(() => feed.pendingWrites() === 0, { what: 'the rollback to be let go' })
        expect(purged).toEqual([])
      }
    } finally {
      custom.newsroomCache = saved
    }
  })
})

/**
 * A suite's Payload instance is destroyed in its afterAll, often moments after its last write.
 * The feed watching that write for its commit kept reading the log from the destroyed adapter
 * (drizzle's destroy empties its tables: "Cannot read properties of undefined (reading 'id')")
 * and, ten seconds later, logged "reading the change log failed" into whichever suite jest ran
 * next in the same process.
 */
describe('a change feed whose Payload instance is destroyed', () => {
  let payload: Payload
  let clock = Date.now()
  let shared: ChangeFeed
  let clocked: ChangeFeed
  let errors: ReturnType<typeof jest.spyOn>
  let reads: ReturnType<typeof jest.spyOn>
  let readsAtDestroy = 0

  beforeAll(async () => {
    // An instance of its own on the same database: this suite destroys it.
    payload = await getPayload({ config: a.config, key: `destroyed-instance-${randomUUID()}` })
    errors = jest.spyOn(payload.logger, 'error')
    reads = jest.spyOn(payload.db, 'find')
    shared = changeFeedFor(payload)
    // A clock of its own: moved past the wait for a commit, a feed would read at once.
    clocked = createChangeFeed({ now: () => clock, payload })
  })

  afterAll(async () => {
    // Idempotent: the test below has destroyed it already unless it failed first.
    await payload?.destroy()
    if (payload) await endPostgresPool(payload)
  })

  it('stops looking and logs nothing once payload.destroy() has run', async () => {
    // Writes whose transactions are still open when the instance goes: each feed looks for
    // them at once and then once per check interval (250 ms), not at every 25 ms poll.
    shared.wrote('an-entry-never-committed', ['articles:1'], () => false)
    clocked.wrote('another-entry-never-committed', ['articles:2'], () => false)
    expect(shared.pendingWrites()).toBe(1)
    await holdsFor(() => reads.mock.calls.length <= 2, {
      ms: 200,
      what: 'one read of the log by each feed while the writes are open',
    })

    await payload.destroy()
    readsAtDestroy = reads.mock.calls.length
    clock += 60_000

    // An absence: watched for a time in which a feed still looking (every 25 ms) would have
    // read the log, past its wait, and logged its failure; it fails the moment either happens.
    await holdsFor(
      () => errors.mock.calls.length === 0 && reads.mock.calls.length === readsAtDestroy,
      { ms: 300, what: 'no feed reading the log after the destroy' },
    )
    expect(errors.mock.calls).toEqual([])
    expect(reads.mock.calls.length).toBe(readsAtDestroy)
    expect(shared.pendingWrites()).toBe(0)
    expect(clocked.pendingWrites()).toBe(0)
  })

  it('answers a read asked for after the destroy with an error that says so', async () => {
    await expect(shared.refresh()).rejects.toThrow(/destroyed/)
    // A write announced while the instance shuts down starts no watch.
    clocked.wrote('written-while-shutting-down', ['articles:3'])
    expect(clocked.pendingWrites()).toBe(0)
    expect(reads.mock.calls.length).toBe(readsAtDestroy)
  })
})
