import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from 'drizzle-orm'

import { databaseKind } from '../src/host/database/database'
import { startTestPayload, type TestPayload } from './helpers/payload'

/**
 * Every committed SQL migration goes down and comes back up: an operator who rolls a release
 * back (`payload migrate:down`) gets the schema before it, and can then migrate again to the
 * same schema. (A down that dropped a constraint its own DROP TABLE … CASCADE had already
 * removed stopped the rollback of the newsroom's-day release on PostgreSQL.)
 */

const kind = databaseKind(process.env.DATABASE_URI)
const previousNodeEnv = process.env.NODE_ENV
let ctx: TestPayload

beforeAll(async () => {
  if (kind === 'mongodb') return
  // In production the schema comes from the committed migrations, which run at start.
  Object.assign(process.env, { NODE_ENV: 'production' })
  ctx = await startTestPayload()
})

afterAll(async () => {
  await ctx?.payload.destroy()
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
})

type Drizzle = {
  execute?: (query: unknown) => Promise<unknown>
  all?: (query: unknown) => Promise<unknown[]>
}

/** Every table and column the schema has, as `table.column`. */
const schema = async (): Promise<string[]> => {
  const db = (ctx.payload.db as unknown as { drizzle: Drizzle }).drizzle
  if (kind === 'postgres') {
    const result = (await db.execute!(
      sql`SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'payload_migrations'`,
    )) as { rows: { name: string }[] }
    return result.rows.map((row) => row.name).sort()
  }
  const rows = (await db.all!(
    sql`SELECT m.name || '.' || p.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'payload_migrations'`,
  )) as { name: string }[]
  return rows.map((row) => row.name).sort()
}

;(kind === 'mongodb' ? describe.skip : describe)('the committed migrations', () => {
  it('go down, newest first, and up again to the same schema', async () => {
    const { migrations } =
      kind === 'postgres'
        ? await import('../migrations/postgres')
        : await import('../migrations/sqlite')
    // SQLite cannot drop a column a foreign key names, which `people_and_claims`' down would
    // have to (docs/operations.md, "Rolling back"): there the releases since it are checked.
    const oldest =
      kind === 'sqlite'
        ? migrations.findIndex((entry) => entry.name.endsWith('_people_and_claims')) + 1
        : 0
    const checked = migrations.slice(oldest)
    expect(checked.length).toBeGreaterThan(4)
    const before = await schema()
    expect(before).toContain('notifications.recipient_id')
    const args = {
      db: (ctx.payload.db as unknown as { drizzle: unknown }).drizzle,
      payload: ctx.payload,
    } as never
    for (const migration of [...checked].reverse()) {
      await migration.down(args).catch((error: { cause?: unknown }) => {
        throw new Error(`${migration.name} down: ${String(error.cause ?? error)}`)
      })
    }
    const down = await schema()
    expect(down).not.toContain('notifications.recipient_id')
    if (oldest === 0) {
      expect(down).toEqual([])
    }
    for (const migration of checked) {
      await migration.up(args)
    }
    expect(await schema()).toEqual(before)
  })
})
