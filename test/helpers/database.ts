import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

import { databaseKind } from '../../src/host/database/database'

/**
 * jest runs suites on two workers at once (package.json's `--maxWorkers`). Each worker empties
 * its database at the start of every suite, so two workers must never share one: the first keeps
 * the database DATABASE_URI names, the others get one of their own beside it, named after it
 * with `_w<worker>`.
 */
const workerSuffix = (): string => {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1')
  return worker > 1 ? `_w${worker}` : ''
}

/** DATABASE_URI with the worker's database name in its path (idempotent). */
export const workerDatabaseUri = (uri: string): string => {
  const suffix = workerSuffix()
  const url = new URL(uri)
  const name = url.pathname.slice(1)
  if (suffix === '' || name.endsWith(suffix)) return uri
  url.pathname = `/${name}${suffix}`
  return url.toString()
}

/** Creates this worker's PostgreSQL database if it is not there yet (the role needs CREATEDB). */
const ensurePostgresDatabase = async (baseUri: string, uri: string): Promise<void> => {
  if (baseUri === uri) return
  const { default: pg } = await import('pg')
  const name = new URL(uri).pathname.slice(1)
  const client = new pg.Client({ connectionString: baseUri })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).catch((error) => {
        // The other worker made it in the meantime.
        if ((error as { code?: string }).code !== '42P04') throw error
      })
    }
  } finally {
    await client.end()
  }
}

/**
 * A database with nothing in it, on whatever DATABASE_URI names: a new file for SQLite, an
 * emptied schema for Postgres, a dropped database for MongoDB; for PostgreSQL and MongoDB, the
 * jest worker's own database (see workerSuffix).
 */
export const freshDatabaseUri = async (): Promise<string> => {
  const configured = process.env.DATABASE_URI
  switch (databaseKind(configured)) {
    case 'mongodb': {
      const uri = workerDatabaseUri(configured as string)
      const { default: mongoose } = await import('mongoose')
      const connection = await mongoose.createConnection(uri).asPromise()
      await connection.dropDatabase()
      await connection.close()
      return uri
    }
    case 'postgres': {
      const uri = workerDatabaseUri(configured as string)
      await ensurePostgresDatabase(configured as string, uri)
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: uri })
      await client.connect()
      await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;')
      await client.end()
      return uri
    }
    case 'sqlite':
      return `file:${path.join(os.tmpdir(), `newsroom-test-${randomUUID()}.db`)}`
  }
}
