import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import { freshDatabaseUri } from './database'

export type TestPayload = { config: SanitizedConfig; payload: Payload }

/** The app's own config on an empty database, as a newsroom's developer would run it. */
export const startTestPayload = async (): Promise<TestPayload> => {
  process.env.DATABASE_URI = await freshDatabaseUri()
  process.env.PAYLOAD_SECRET ??= 'newsroom-test-secret'
  const { default: configPromise } = await import('../../payload.config')
  const config = await configPromise
  const payload = await getPayload({ config })
  return { config, payload }
}
