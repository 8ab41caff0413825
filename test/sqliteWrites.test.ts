import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createLocalReq, initTransaction, commitTransaction } from 'payload'

import { databaseKind } from '../src/host/database/database'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Writes outside a transaction queue for SQLite's one writer (src/host/database/sqliteWriteLock.ts);
 * an adapter write made of others (upsert: find, then update or create) once queued behind
 * itself, so every admin preference save (a column, a sort) answered 500 after 30 s. A write an
 * operation makes outside its own transaction (Payload's password-reset reservation, a hook that
 * does not pass `req`) waited for the lock that transaction held, and failed after 30 s.
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

  // SQLite's one writer only: elsewhere a write beside a transaction is a transaction of its own.
  const onSqlite = databaseKind(process.env.DATABASE_URI) === 'sqlite'
  ;(onSqlite ? it : it.skip)(
    "joins its operation's transaction when it writes outside it, instead of waiting for it",
    async () => {
      const req = await createLocalReq({}, ctx.payload)
      await initTransaction(req)
      const inside = await ctx.payload.create({
        collection: 'topics',
        data: { name: 'Written in the transaction' },
        req,
      })
      // No `req`: outside the transaction this operation holds, as Payload's reset reservation is.
      const outside = await ctx.payload.create({
        collection: 'topics',
        data: { name: 'Written beside it' },
      })
      await commitTransaction(req)
      const names = await ctx.payload.find({
        collection: 'topics',
        where: { id: { in: [inside.id, outside.id] } },
      })
      expect(names.docs.map((doc) => doc.name).sort()).toEqual([
        'Written beside it',
        'Written in the transaction',
      ])
    },
  )
})
