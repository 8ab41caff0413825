import type { Payload, PayloadRequest } from 'payload'

import type { Column, SQL } from 'drizzle-orm'

/** A column of a collection's table. */
export type DrizzleColumn = Column

/** A collection's main table: its columns by field name (`id`, `updatedAt`, …). */
export type DrizzleTable = Record<string, DrizzleColumn>

/** The part of drizzle's query builder the plugin uses, the same on PostgreSQL and SQLite. */
export type DrizzleDatabase = {
  select: (fields: Record<string, DrizzleColumn>) => {
    from: (table: DrizzleTable) => {
      where: (condition: SQL | undefined) => {
        orderBy: (column: DrizzleColumn) => { for: (strength: 'update') => Promise<unknown[]> }
      }
    }
  }
  update: (table: DrizzleTable) => {
    set: (values: Record<string, unknown>) => {
      where: (condition: SQL | undefined) => {
        returning: (fields: Record<string, DrizzleColumn>) => Promise<unknown[]>
      }
    }
  }
}

/** What @payloadcms/db-postgres and @payloadcms/db-sqlite expose to code outside them. */
type SqlAdapter = {
  drizzle: DrizzleDatabase
  name: string
  sessions: Record<string, { db: DrizzleDatabase } | undefined>
  tableNameMap: Map<string, string>
  tables: Record<string, DrizzleTable | undefined>
}

export const isSqlAdapter = (payload: Payload): boolean =>
  payload.db.name === 'postgres' || payload.db.name === 'sqlite'

/** A collection's main table, found as Payload names it (its `dbName` included). */
export const collectionTable = (payload: Payload, slug: string): DrizzleTable => {
  const db = payload.db as unknown as SqlAdapter
  const key = slug.replaceAll('-', '_')
  const table = db.tables[db.tableNameMap.get(key) ?? key]
  if (!table) {
    throw new Error(`no table for the ${slug} collection`)
  }
  return table
}

/** The request's transaction if it has one, else the adapter's connection. */
export const drizzleFor = async (
  payload: Payload,
  req: Partial<Pick<PayloadRequest, 'transactionID'>> | undefined,
): Promise<DrizzleDatabase> => {
  const db = payload.db as unknown as SqlAdapter
  return db.sessions[String(await req?.transactionID)]?.db ?? db.drizzle
}
