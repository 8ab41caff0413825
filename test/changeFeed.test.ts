import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import { type ChangeFeed, changeFeedFor, createChangeFeed } from '../src/cache/changeFeed'
import { holdsFor } from './helpers/holdsFor'
import { startTestPayload } from './helpers/payload'
import { waitFor } from './helpers/waitFor'

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
    ;({ payload } = await startTestPayload())
    errors = jest.spyOn(payload.logger, 'error')
    reads = jest.spyOn(payload.db, 'findGlobal')
    shared = changeFeedFor(payload)
    // A clock of its own: moved past the wait for a commit, a failed read is logged at once.
    clocked = createChangeFeed({ now: () => clock, payload })
  })

  afterAll(async () => {
    // Idempotent: the test below has destroyed it already unless it failed first.
    await payload?.destroy()
  })

  it('stops polling and logs nothing once payload.destroy() has run', async () => {
    // Writes whose transactions are still open when the instance goes: each feed keeps
    // looking for them in the log.
    shared.wrote('an-entry-never-committed', ['articles:1'], () => false)
    clocked.wrote('another-entry-never-committed', ['articles:2'], () => false)
    await waitFor(() => reads.mock.calls.length >= 2, { what: 'the feeds to read the log' })
    expect(shared.pendingWrites()).toBe(1)

    await payload.destroy()
    readsAtDestroy = reads.mock.calls.length
    clock += 60_000

    // An absence: watched for a time in which a feed still polling (every 25 ms) would have read
    // the log a dozen times and logged its failure; it fails the moment either happens.
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
