import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Writes outside a transaction queue for SQLite's one writer (src/host/database/sqliteWriteLock.ts);
 * an adapter write made of others (upsert: find, then update or create) once queued behind
 * itself, so every admin preference save (a column, a sort) answered 500 after 30 s.
 */

let ctx: TestPayload
let rest: RestClient
let token: string

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  token = await signIn(ctx.payload, rest, 'editor')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('writes made of other writes', () => {
  it('saves an admin preference, twice (create, then update), at once', async () => {
    for (const columns of [['headline'], ['headline', 'stage']]) {
      const saved = await rest.post('/api/payload-preferences/collection-articles', {
        body: { value: { columns } },
        token,
      })
      expect(saved.status).toBe(200)
    }
    const read = await rest.get('/api/payload-preferences/collection-articles', { token })
    expect(read.body.value).toEqual({ columns: ['headline', 'stage'] })
    // A write queued behind itself gave up after 30 s with a 500: the 200s above are the check.
  })

  it('upserts through the adapter while other writes go on', async () => {
    const [upserted, created] = await Promise.all([
      ctx.payload.db.upsert({
        collection: 'topics',
        data: { name: 'Upserted topic', slug: 'upserted-topic' },
        where: { slug: { equals: 'upserted-topic' } },
      }),
      ctx.payload.create({ collection: 'topics', data: { name: 'Created alongside' } }),
    ])
    expect(upserted.slug).toBe('upserted-topic')
    expect(created.id).toBeDefined()
  })
})
