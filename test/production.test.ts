import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { databaseKind } from '../src/host/database/database'
import { seedPiece } from '../src/host/seed/seedPiece'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'

/**
 * `npm start` on an empty database: in production the SQL adapters never change tables by
 * themselves, so the committed migrations must build the whole schema, and match the config.
 */

type DrizzleKitPush = (
  schema: unknown,
  drizzle: unknown,
  schemaFilters?: string[],
  tablesFilter?: string[],
) => Promise<{ statementsToExecute: string[] }>

type SqlAdapter = {
  drizzle: unknown
  requireDrizzleKit: () => { pushSchema: DrizzleKitPush }
  schema: unknown
  schemaName?: string
  tablesFilter?: string[]
}

const kind = databaseKind(process.env.DATABASE_URI)
const previousNodeEnv = process.env.NODE_ENV
let ctx: TestPayload

beforeAll(async () => {
  Object.assign(process.env, { NODE_ENV: 'production' })
  ctx = await startTestPayload()
})

afterAll(async () => {
  await ctx?.payload.destroy()
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
})

describe('production start on an empty database', () => {
  it('builds the schema from the committed migrations, not from a development push', async () => {
    const { docs } = await ctx.payload.find({ collection: 'payload-migrations', limit: 100 })
    const names = docs.map((migration) => migration.name)
    if (kind === 'mongodb') {
      // MongoDB needs no schema migrations; Payload builds its indexes (checked below).
      expect(names).toEqual([])
      return
    }
    expect(names.some((name) => /_initial$/.test(String(name)))).toBe(true)
    expect(names).not.toContain('dev')
  })

  it('builds the schema and serves the seeded piece', async () => {
    const result = await seedPiece({ payload: ctx.payload })
    expect(result.status).toBe('seeded')
    const { body, status } = await createRestClient(ctx.config).get(
      `/api/articles?where[slug][equals]=${result.status === 'seeded' ? result.slug : ''}&depth=2`,
    )
    expect(status).toBe(200)
    expect(body.docs[0].relatedCoverage).toHaveLength(3)
  })

  it('has the schema the config describes: migrations are up to date (SQL), indexes exist (MongoDB)', async () => {
    if (kind === 'mongodb') {
      const model = (
        ctx.payload.db as unknown as {
          collections: Record<string, { collection: { indexes: () => Promise<{ key: object }[]> } }>
        }
      ).collections.articles
      const keys = (await model.collection.indexes()).map((index) =>
        Object.keys(index.key).join(','),
      )
      expect(keys).toEqual(expect.arrayContaining(['slug', '_status,publishedAt']))
      return
    }
    const adapter = ctx.payload.db as unknown as SqlAdapter
    const { pushSchema } = adapter.requireDrizzleKit()
    const { statementsToExecute } = await pushSchema(
      adapter.schema,
      adapter.drizzle,
      adapter.schemaName ? [adapter.schemaName] : undefined,
      adapter.tablesFilter,
    )
    // drizzle-kit reads Postgres' `'0'::numeric` back as a different default than the `0` it
    // wrote, and offers to set it again: not a difference in the schema.
    const drift = statementsToExecute.filter((statement) => !/SET DEFAULT 0;$/.test(statement))
    // If this fails, the schema changed without a migration: run `npm run migrate:create -- NAME`.
    expect(drift).toEqual([])
  })
})

describe('the live-story records migration on a database with content', () => {
  it('marks what published stories already show, as the hooks would have', async () => {
    if (kind === 'mongodb') {
      // MongoDB has no schema migrations here; new records are marked by the hooks.
      return
    }
    const { migrations } =
      kind === 'postgres'
        ? await import('../migrations/postgres')
        : await import('../migrations/sqlite')
    const migration = migrations.find((entry) => entry.name.endsWith('_live_story_records'))!
    const flags = async () =>
      Object.fromEntries(
        await Promise.all(
          (['quotes', 'cases', 'related-stories'] as const).map(async (collection) => {
            const { docs } = await ctx.payload.find({
              collection,
              depth: 0,
              limit: 100,
              select: { inLiveStory: true },
              sort: 'id',
            })
            return [collection, docs.map((doc) => [String(doc.id), Boolean(doc.inLiveStory)])]
          }),
        ),
      )
    const { docs: articles } = await ctx.payload.find({ collection: 'articles', limit: 1 })
    expect(articles[0]._status).toBe('published')
    const byHooks = await flags()
    expect(byHooks.quotes.some(([, live]: [string, boolean]) => live)).toBe(true)

    // As an existing database meets the migration: no column, then the column, back-filled.
    const args = { db: (ctx.payload.db as unknown as SqlAdapter).drizzle, payload: ctx.payload }
    await migration.down(args as never)
    await migration.up(args as never)
    expect(await flags()).toEqual(byHooks)
  })
})
