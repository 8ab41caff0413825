import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import { freshDatabaseUri } from './database'
import { endPostgresPool } from './endPostgresPool'

export type TestPayload = { config: SanitizedConfig; payload: Payload }

/** The app's own config on an empty database, as a newsroom's developer would run it. */
export const startTestPayload = async (): Promise<TestPayload> => {
  process.env.DATABASE_URI = await freshDatabaseUri()
  process.env.PAYLOAD_SECRET ??= 'newsroom-test-secret'
  const { default: configPromise } = await import('../../payload.config')
  const config = await configPromise
  const payload = await getPayload({ config })
  // A suite's `payload.destroy()` then closes the database connections too (endPostgresPool).
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    await destroy()
    await endPostgresPool(payload)
  }
  return { config, payload }
}
