import type { Payload } from 'payload'

/**
 * MongoDB has no migrations: a data carry-over runs once at start instead, remembered under
 * `doneKey` in Payload's key-value store. `run` returns what to log, or null for nothing.
 */
export const onceOnMongo = async (
  payload: Payload,
  doneKey: string,
  run: () => Promise<null | string>,
): Promise<void> => {
  if (payload.db.name !== 'mongoose' || (await payload.kv.get(doneKey))) return
  const done = await run()
  await payload.kv.set(doneKey, { at: new Date().toISOString() })
  if (done) {
    payload.logger.info(done)
  }
}
