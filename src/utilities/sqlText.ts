import type { Payload } from 'payload'

/** What the SQL adapters (@payloadcms/db-postgres, @payloadcms/db-sqlite) expose. */
export type SqlAdapter = {
  drizzle: unknown
  execute: (args: { db?: unknown; drizzle?: unknown; raw: string }) => Promise<unknown>
  name: string
  schemaName?: string
  sessions: Record<string, { db: unknown }>
  tableNameMap: Map<string, string>
}

/** An id as an SQL literal: integers as they are, anything else quoted. */
export const sqlLiteral = (value: number | string): string => {
  if (typeof value === 'number' || /^\d+$/.test(value)) {
    const number = Number(value)
    if (Number.isSafeInteger(number)) return String(number)
  }
  return `'${String(value).replaceAll("'", "''")}'`
}

export const quotedIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** A collection's main table, schema-qualified on PostgreSQL. */
export const sqlTable = (payload: Payload, slug: string): string => {
  const db = payload.db as unknown as SqlAdapter
  const table = db.tableNameMap.get(slug.replaceAll('-', '_')) ?? slug.replaceAll('-', '_')
  return db.name === 'postgres' && db.schemaName
    ? `${quotedIdentifier(db.schemaName)}.${quotedIdentifier(table)}`
    : quotedIdentifier(table)
}

/** Runs raw SQL in the request's transaction, if it has one. */
export const executeSql = async (
  payload: Payload,
  req: { transactionID?: unknown } | undefined,
  raw: string,
): Promise<unknown> => {
  const db = payload.db as unknown as SqlAdapter
  const transaction = db.sessions[String(await req?.transactionID)]?.db
  return db.execute({ ...(transaction ? { db: transaction } : { drizzle: db.drizzle }), raw })
}
