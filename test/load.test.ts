import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import { runMixedLoad } from '../scripts/load/mixedLoad'
import { freshDatabaseUri } from './helpers/database'
import { registerFirstAdmin } from './helpers/httpClient'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'

/**
 * The short version of `npm run load`: half a minute of readers and editors at once on a
 * production instance, with not one failed request and not one 5xx. Speed and memory are the
 * ten-minute run's business (docs/BENCHMARKS.md), never asserted here.
 */
const DURATION_MS = 30_000

jest.setTimeout(5 * 60_000)

let app: ProductionApp

beforeAll(async () => {
  await ensureProductionBuild()
  app = await startProductionApp({
    databaseUri: await freshDatabaseUri(),
    env: { NEWSROOM_SEED: 'true' },
  })
})

afterAll(async () => {
  app?.signal('SIGKILL')
  await app?.exited
})

describe('half a minute of mixed load', () => {
  it('answers every reader and editor request without a failure or a 5xx', async () => {
    const token = await registerFirstAdmin(app.baseUrl)
    const result = await runMixedLoad({
      baseUrl: app.baseUrl,
      durationMs: DURATION_MS,
      pid: app.pid,
      readers: 6,
      token,
    })
    console.log(`mixed load: ${JSON.stringify({ ...result, failures: undefined })}`)
    expect(result.failures).toEqual([])
    expect(result.failed).toBe(0)
    expect(result.serverErrors).toBe(0)
    // Every kind of traffic ran, editors' writes included.
    for (const kind of ['delivery', 'editors', 'feeds', 'pages', 'rest']) {
      expect(result.byKind[kind]?.requests ?? 0).toBeGreaterThan(10)
    }
  })
})
