import type { Payload } from 'payload'

import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm'

export type Row = Record<string, unknown>

/** One table's rows, keyed as drizzle names the table's columns (`version_updatedAt`, …). */
export type TableRows = { rows: Row[]; table: unknown }

/** Writes batches of rows, each call in one transaction of its own. */
export type BulkWriter = (batches: TableRows[]) => Promise<void>

type Statement = { args: unknown[]; sql: string }

type SqlDialect = 'postgres' | 'sqlite'

/**
 * Bound parameters per statement, under SQLite's limit (32,766) and PostgreSQL's (65,535): a
 * few hundred rows of the widest table in one INSERT.
 */
const MAX_PARAMETERS = 30_000

type LibsqlClient = {
  batch: (statements: Statement[], mode: 'write') => Promise<unknown>
  execute: (statement: Statement) => Promise<{ rows: Record<string, unknown>[] }>
}
type PgPool = {
  connect: () => Promise<{
    query: (text: string, values?: unknown[]) => Promise<unknown>
    release: () => void
  }>
  query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Multi-row INSERTs of `rows`, their values converted as drizzle converts them (JSON, booleans,
 * dates): the rows Payload's adapter writes, without building each statement through drizzle's
 * query builder, which cost the seed as much as SQLite's own work did.
 */
const insertStatements = (dialect: SqlDialect, { rows, table }: TableRows): Statement[] => {
  const columns = getTableColumns(table as Table) as Record<string, Column>
  // Rows of one table may leave different columns unset (an external related story has no
  // target article): each set of keys is its own INSERT, so unset columns keep their defaults.
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const keys = Object.keys(row).join('\0')
    const group = groups.get(keys)
    if (group) group.push(row)
    else groups.set(keys, [row])
  }
  const statements: Statement[] = []
  for (const [signature, group] of groups) {
    const keys = signature.split('\0')
    const names = keys.map((key) => {
      const column = columns[key]
      if (!column) throw new Error(`${getTableName(table as Table)} has no column ${key}`)
      return quote(column.name)
    })
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / keys.length))
    for (let start = 0; start < group.length; start += perStatement) {
      const slice = group.slice(start, start + perStatement)
      const args: unknown[] = []
      const tuples = slice.map((row) => {
        const marks = keys.map((key) => {
          const value = row[key]
          args.push(
            value === null || value === undefined ? null : columns[key].mapToDriverValue(value),
          )
          return dialect === 'postgres' ? `$${args.length}` : '?'
        })
        return `(${marks.join(',')})`
      })
      statements.push({
        args,
        sql: `INSERT INTO ${quote(getTableName(table as Table))} (${names.join(',')}) VALUES ${tuples.join(',')}`,
      })
    }
  }
  return statements
}

/** The bulk writer for Payload's SQLite or PostgreSQL adapter, through its own connection. */
export const bulkWriter = (payload: Payload): BulkWriter => {
  const adapter = payload.db as unknown as { client?: LibsqlClient; name: string; pool?: PgPool }
  if (adapter.name === 'postgres' && adapter.pool) {
    const pool = adapter.pool
    return async (batches) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        for (const statement of batches.flatMap((batch) => insertStatements('postgres', batch))) {
          await client.query(statement.sql, statement.args)
        }
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    }
  }
  if (adapter.name === 'sqlite' && adapter.client) {
    const client = adapter.client
    return async (batches) => {
      await client.batch(
        batches.flatMap((batch) => insertStatements('sqlite', batch)),
        'write',
      )
    }
  }
  throw new Error(
    'The bench seeds in bulk through SQL (SQLite or Postgres); this database adapter has neither.',
  )
}

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then builds them again as they
 * were: a database builds an index over rows already written in one sorted pass, much faster
 * than it keeps two dozen indexes up to date row by row. Unique indexes are checked as they are
 * built again. Primary keys (and PostgreSQL's other constraints) stay.
 */
export const withIndexesBuiltAfter = async (
  payload: Payload,
  tables: unknown[],
  load: () => Promise<void>,
): Promise<void> => {
  const names = tables.map((table) => getTableName(table as Table))
  const adapter = payload.db as unknown as { client?: LibsqlClient; name: string; pool?: PgPool }
  if (adapter.name === 'postgres' && adapter.pool) {
    const pool = adapter.pool
    const { rows } = await pool.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
         AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [names],
    )
    for (const row of rows) await pool.query(`DROP INDEX ${quote(String(row.indexname))}`)
    await load()
    for (const row of rows) await pool.query(String(row.indexdef))
    return
  }
  if (adapter.name === 'sqlite' && adapter.client) {
    const client = adapter.client
    const { rows } = await client.execute({
      args: names,
      sql: `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
              AND tbl_name IN (${names.map(() => '?').join(',')})`,
    })
    await client.batch(
      rows.map((row) => ({ args: [], sql: `DROP INDEX ${quote(String(row.name))}` })),
      'write',
    )
    await load()
    await client.batch(
      rows.map((row) => ({ args: [], sql: String(row.sql) })),
      'write',
    )
    return
  }
  await load()
}
