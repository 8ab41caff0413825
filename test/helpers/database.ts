import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

import { databaseKind } from '../../src/host/database/database'

/**
 * A database with nothing in it, on whatever DATABASE_URI names: a new file for SQLite, an
 * emptied schema for Postgres, a dropped database for MongoDB. Suites run one at a time.
 */
export const freshDatabaseUri = async (): Promise<string> => {
  const uri = process.env.DATABASE_URI
  switch (databaseKind(uri)) {
    case 'mongodb': {
      const { default: mongoose } = await import('mongoose')
      const connection = await mongoose.createConnection(uri as string).asPromise()
      await connection.dropDatabase()
      await connection.close()
      return uri as string
    }
    case 'postgres': {
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: uri })
      await client.connect()
      await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;')
      await client.end()
      return uri as string
    }
    case 'sqlite':
      return `file:${path.join(os.tmpdir(), `newsroom-test-${randomUUID()}.db`)}`
  }
}
