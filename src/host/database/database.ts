import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import fs from 'node:fs'
import path from 'node:path'

import { migrations as postgresMigrations } from '../../../migrations/postgres'
import { migrations as sqliteMigrations } from '../../../migrations/sqlite'
import { createDraftListIndexesMongo, indexDraftLists } from './draftListIndexes'
import { applyServerCompatibility } from './mongoCompatibility'
import { indexValueTablesByParent } from './parentIndexes'
import { SQLITE_BUSY_TIMEOUT_MS, withSqliteWriteLock } from './sqliteWriteLock'

export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export const databaseKind = (uri: string | undefined): DatabaseKind => {
  if (!uri || uri.startsWith('file:')) {
    return 'sqlite'
  }
  if (/^postgres(ql)?:\/\//.test(uri)) {
    return 'postgres'
  }
  if (/^mongodb(\+srv)?:\/\//.test(uri)) {
    return 'mongodb'
  }
  throw new Error(
    `DATABASE_URI must start with mongodb://, postgres:// or file: (or be unset for SQLite); got "${uri.split(':')[0]}:".`,
  )
}

type DatabaseAdapterOptions = {
  /** Where the embedded SQLite file lives when DATABASE_URI is unset. */
  defaultSqliteFile: string
  /** Folder holding one migrations folder per SQL dialect: `sqlite/` and `postgres/`. */
  migrationsDir: string
  /** The connection string; unset means the embedded SQLite file. */
  uri: string | undefined
}

/** Picks Payload's adapter from the connection string, so one config runs on all three. */
export const databaseAdapter = ({
  defaultSqliteFile,
  migrationsDir,
  uri,
}: DatabaseAdapterOptions): DatabaseAdapterObj => {
  switch (databaseKind(uri)) {
    case 'mongodb':
      return mongooseAdapter({
        afterOpenConnection: async (adapter) => {
          await applyServerCompatibility(adapter)
          await createDraftListIndexesMongo(adapter)
        },
        url: uri as string,
      })
    case 'postgres':
      return postgresAdapter({
        afterSchemaInit: [indexValueTablesByParent(pgIndex), indexDraftLists(pgIndex)],
        migrationDir: path.join(migrationsDir, 'postgres'),
        // Payload's destroy() leaves the pool open: an idle connection (and its 10 s idle timer)
        // would keep a process whose Payload was stopped running until it timed out.
        pool: { allowExitOnIdle: true, connectionString: uri },
        prodMigrations: postgresMigrations,
      })
    case 'sqlite': {
      const url = uri ?? `file:${defaultSqliteFile}`
      const file = url.slice('file:'.length)
      if (file && !file.startsWith(':memory:')) {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
      }
      const inMemory = file.startsWith(':memory:') || url.includes('mode=memory')
      // Every write is a transaction, as on PostgreSQL: a crash mid-write leaves the last
      // commit, never an article without its relations or versions. WAL lets readers go on
      // while a transaction writes, and survives kill -9 with synchronous=FULL.
      return withSqliteWriteLock(
        sqliteAdapter({
          afterSchemaInit: [indexValueTablesByParent(sqliteIndex), indexDraftLists(sqliteIndex)],
          busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
          client: { url },
          migrationDir: path.join(migrationsDir, 'sqlite'),
          prodMigrations: sqliteMigrations,
          transactionOptions: { behavior: 'immediate' },
          wal: !inMemory,
        }),
        url,
      )
    }
  }
}
