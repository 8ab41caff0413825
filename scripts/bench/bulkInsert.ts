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

type LibsqlClient = { batch: (statements: Statement[], mode: 'write') => Promise<unknown> }
type PgPool = {
  connect: () => Promise<{
    query: (text: string, values?: unknown[]) => Promise<unknown>
    release: () => void
  }>
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
