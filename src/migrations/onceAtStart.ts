import type { Payload } from 'payload'

/**
 * A data carry-over that reads or writes through Payload runs once at start, after the
 * migrations, on every adapter, remembered under `doneKey` in Payload's key-value store. Not in a
 * SQL migration: Payload reads every column today's config has, and a migration runs before the
 * later migrations that add some of them. `run` returns what to log, or null for nothing. It
 * changes nothing when it runs again, so a database whose older migration already did it loses
 * nothing by one more pass.
 */
export const onceAtStart = async (
  payload: Payload,
  doneKey: string,
  run: () => Promise<null | string>,
): Promise<void> => {
  if (await payload.kv.get(doneKey)) return
  const done = await run()
  await payload.kv.set(doneKey, { at: new Date().toISOString() })
  if (done) {
    payload.logger.info(done)
  }
}
