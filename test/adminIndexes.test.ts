import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { seedSynthetic } from '../scripts/bench/seedSynthetic'
import { databaseKind } from '../src/host/database/database'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * What the admin and the API filter and sort stories on is indexed, as each database's own
 * catalogue lists it, and the admin's list query (an editor's `draft=true`, newest first, ten a
 * page) reads an index in order instead of sorting every latest version: at 100,000 stories
 * that sort was most of the list's second.
 */

const kind = databaseKind(process.env.DATABASE_URI)
let ctx: TestPayload
let rest: RestClient
let editorToken: string

/** The admin's list query, as `GET /api/articles` gets it from the list view or an API client. */
const ADMIN_LIST = '/api/articles?draft=true&sort=-updatedAt&limit=10&depth=0'
/** The list view's first page with no sort chosen: the collection's `defaultSort`. */
const ADMIN_DEFAULT_LIST = '/api/articles?draft=true&limit=10&depth=0'
/** The bench's bulk seed writes SQL rows; on MongoDB the stories go through Payload. */
const STORIES = kind === 'mongodb' ? 12 : 300

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  if (kind === 'mongodb') {
    for (let index = 0; index < STORIES; index += 1) {
      await ctx.payload.create({
        collection: 'articles',
        data: { headline: `Story ${index}`, stage: 'drafting' },
        draft: true,
      })
    }
  } else {
    // Enough stories that a sort of them all would show in a plan.
    await seedSynthetic({ articles: STORIES, payload: ctx.payload })
  }
  editorToken = await signIn(ctx.payload, rest, 'editor')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

/** An index by its columns in order, as the database names them: `latest,version_updated_at`. */
type Catalogue = Record<'articles' | 'versions', string[]>

type Drizzle = {
  all: (query: unknown) => Promise<Record<string, unknown>[]>
  execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }>
}

type SqlClient = {
  execute: (statement: { args: unknown[]; sql: string }) => Promise<{ rows: unknown[] }>
}

type PgPool = {
  connect: () => Promise<{
    query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
    release: () => void
  }>
  query: (...args: unknown[]) => Promise<unknown>
}

type MongoModel = { collection: { indexes: () => Promise<{ key: Record<string, unknown> }[]> } }

const sqliteIndexes = async (table: string): Promise<string[]> => {
  const { sql } = await import('drizzle-orm')
  const db = (ctx.payload.db as unknown as { drizzle: Drizzle }).drizzle
  const list = await db.all(sql.raw(`PRAGMA index_list('${table}')`))
  return Promise.all(
    list.map(async ({ name }) => {
      const columns = await db.all(sql.raw(`PRAGMA index_info('${String(name)}')`))
      return columns.map((column) => String(column.name)).join(',')
    }),
  )
}

const postgresIndexes = async (table: string): Promise<string[]> => {
  const { sql } = await import('drizzle-orm')
  const db = (ctx.payload.db as unknown as { drizzle: Drizzle }).drizzle
  const { rows } = await db.execute(
    sql`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ${table}`,
  )
  // CREATE INDEX name ON public.table USING btree (a, b): the columns, unquoted.
  return rows.map((row) =>
    (String(row.indexdef).match(/\(([^)]*)\)\s*$/)?.[1] ?? '')
      .split(',')
      .map((column) => column.trim().replaceAll('"', ''))
      .join(','),
  )
}

const mongoIndexes = async (model: MongoModel): Promise<string[]> =>
  (await model.collection.indexes()).map((index) => Object.keys(index.key).join(','))

const catalogue = async (): Promise<Catalogue> => {
  if (kind === 'mongodb') {
    const db = ctx.payload.db as unknown as {
      collections: Record<string, MongoModel>
      versions: Record<string, MongoModel>
    }
    return {
      articles: await mongoIndexes(db.collections.articles),
      versions: await mongoIndexes(db.versions.articles),
    }
  }
  const read = kind === 'postgres' ? postgresIndexes : sqliteIndexes
  return { articles: await read('articles'), versions: await read('_articles_v') }
}

/** Each index as [MongoDB's paths, the SQL adapters' columns]. */
const ARTICLE_INDEXES: [string, string][] = [
  ['slug', 'slug'],
  ['stage', 'stage'],
  ['section', 'section_id'],
  ['_status', '_status'],
  ['publishedAt', 'published_at'],
  ['firstPublishedAt', 'first_published_at'],
  ['embargoUntil', 'embargo_until'],
  ['updatedAt', 'updated_at'],
  ['_status,publishedAt', '_status,published_at'],
]

const VERSION_INDEXES: [string, string][] = [
  ['parent', 'parent_id'],
  ['latest', 'latest'],
  ['updatedAt', 'updated_at'],
  ['version._status', 'version__status'],
  ['version.slug', 'version_slug'],
  ['version.stage', 'version_stage'],
  ['version.section', 'version_section_id'],
  ['version.publishedAt', 'version_published_at'],
  ['version.embargoUntil', 'version_embargo_until'],
  ['version.updatedAt', 'version_updated_at'],
  // The admin's list: latest versions, newest first, Payload's tie-break on createdAt last.
  ['latest,version.updatedAt,createdAt', 'latest,version_updated_at,created_at'],
  ['latest,version.publishedAt,createdAt', 'latest,version_published_at,created_at'],
]

const expected = (indexes: [string, string][]) =>
  indexes.map(([mongo, sql]) => (kind === 'mongodb' ? mongo : sql))

describe('the indexes the admin and the API filter and sort stories on', () => {
  it('are in the database’s own catalogue, stories and their versions', async () => {
    const found = await catalogue()
    expect(found.articles).toEqual(expect.arrayContaining(expected(ARTICLE_INDEXES)))
    expect(found.versions).toEqual(expect.arrayContaining(expected(VERSION_INDEXES)))
  })
})

type Statement = { params: unknown[]; text: string }

/** Calls `record` with each call's arguments of `target[method]` while `run` runs. */
const watching = async <T extends object, K extends keyof T>(
  target: T,
  method: K,
  record: (...args: unknown[]) => void,
  run: () => Promise<unknown>,
) => {
  const original = target[method] as (...args: unknown[]) => unknown
  target[method] = ((...args: unknown[]) => {
    record(...args)
    return original.apply(target, args)
  }) as T[K]
  try {
    await run()
  } finally {
    target[method] = original as T[K]
  }
}

/** The SQL statements Payload sends while `run` runs, with their parameters. */
const statementsDuring = async (run: () => Promise<unknown>): Promise<Statement[]> => {
  const seen: Statement[] = []
  if (kind === 'mongodb') {
    await run()
  } else if (kind === 'postgres') {
    const pool = (ctx.payload.db as unknown as { pool: PgPool }).pool
    await watching(
      pool,
      'query',
      (first, values) => {
        const query = first as { text?: string; values?: unknown[] } | string
        seen.push(
          typeof query === 'string'
            ? { params: (values as unknown[]) ?? [], text: query }
            : { params: (values as unknown[]) ?? query.values ?? [], text: String(query.text) },
        )
      },
      run,
    )
  } else {
    const client = (ctx.payload.db as unknown as { client: SqlClient }).client
    await watching(
      client,
      'execute',
      (statement) => {
        const { args, sql } = statement as { args?: unknown[]; sql: string }
        seen.push({ params: args ?? [], text: sql })
      },
      run,
    )
  }
  return seen
}

/** The page of versions the list asks for (not the count of them, nor what it joins). */
const listStatement = (statements: Statement[]): Statement => {
  const found = statements.find((statement) =>
    /from "_articles_v" "_articles_v" [\s\S]* order by "_articles_v"\./.test(statement.text),
  )
  if (!found) {
    throw new Error(`no page of _articles_v among:\n${statements.map((s) => s.text).join('\n')}`)
  }
  return found
}

type PgPlanNode = {
  'Index Name'?: string
  'Node Type': string
  Plans?: PgPlanNode[]
  'Relation Name'?: string
  'Sort Key'?: string[]
}

/** Every node of a PostgreSQL plan, one line each: type, table, index, sort key. */
const pgPlanLines = (node: PgPlanNode): string[] => [
  [node['Node Type'], node['Relation Name'], node['Index Name'], node['Sort Key']?.join(', ')]
    .filter(Boolean)
    .join(' '),
  ...(node.Plans ?? []).flatMap(pgPlanLines),
]

/** The plan, one line a step, as the database describes it. */
const plan = async ({ params, text }: Statement): Promise<string[]> => {
  if (kind === 'postgres') {
    const pool = (ctx.payload.db as unknown as { pool: PgPool }).pool
    const client = await pool.connect()
    try {
      // A few hundred rows could be read whole as cheaply: this asks whether an index serves it.
      await client.query('ANALYZE _articles_v')
      await client.query('SET enable_seqscan = off')
      const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${text}`, params)
      await client.query('RESET enable_seqscan')
      const [{ Plan }] = rows[0]['QUERY PLAN'] as { Plan: PgPlanNode }[]
      return pgPlanLines(Plan)
    } finally {
      client.release()
    }
  }
  const client = (ctx.payload.db as unknown as { client: SqlClient }).client
  const { rows } = await client.execute({ args: params, sql: `EXPLAIN QUERY PLAN ${text}` })
  // Top-level steps have parent 0; correlated subqueries hang below their own.
  return (rows as { detail: string; parent: number }[])
    .filter((row) => Number(row.parent) === 0)
    .map((row) => row.detail)
}

/** The versions are read through `index`, in its order: no full read, no sort of them all. */
const usesIndexInOrder = (lines: string[], index: string) => {
  const text = lines.join('\n')
  expect(text).toContain(index)
  // SQLite's temporary B-tree for the ORDER BY; PostgreSQL's Sort on the list's own key (the
  // joined bylines and relations are sorted per story, which is not this).
  expect(text).not.toMatch(/TEMP B-TREE FOR ORDER BY|^Sort .*version_(updated|published)_at/m)
  expect(text).not.toMatch(/SCAN _articles_v(?! USING)|Seq Scan _articles_v\b/)
}

/**
 * MongoDB's plans are its server's own (FerretDB's differ from MongoDB's): there the answer is
 * checked, and the index by the catalogue above.
 */
describe('the admin’s list of stories', () => {
  it('reads the latest versions newest first through one index, ten rows, no sort', async () => {
    let answer: { body: { docs: { updatedAt: string }[]; totalDocs: number }; status: number }
    const statements = await statementsDuring(async () => {
      answer = await rest.get(ADMIN_LIST, { token: editorToken })
    })
    expect(answer!.status).toBe(200)
    expect(answer!.body.totalDocs).toBe(STORIES)
    const dates = answer!.body.docs.map((doc) => doc.updatedAt)
    expect(dates).toHaveLength(10)
    expect(dates).toEqual([...dates].sort().reverse())
    if (kind !== 'mongodb') {
      usesIndexInOrder(await plan(listStatement(statements)), '_articles_v_latest_updated_at_idx')
    }
  })

  it('reads the list view’s first page (the default sort, newest published) the same way', async () => {
    let answer: { body: { docs: unknown[] }; status: number }
    const statements = await statementsDuring(async () => {
      answer = await rest.get(ADMIN_DEFAULT_LIST, { token: editorToken })
    })
    expect(answer!.status).toBe(200)
    expect(answer!.body.docs).toHaveLength(10)
    if (kind !== 'mongodb') {
      usesIndexInOrder(await plan(listStatement(statements)), '_articles_v_latest_published_at_idx')
    }
  })
})
