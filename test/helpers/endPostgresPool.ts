import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

/** pg-pool's own lists: every client it made, and the idle ones among them. */
type PoolInternals = { _clients: PoolClient[]; _idle: { client: PoolClient }[]; ending?: boolean }

/**
 * Payload's postgres adapter checks a client out of its pool in connect() and never hands it
 * back, and its destroy() leaves the pool open (payloadcms/payload#11727, fixed by #17831 after
 * the 3.90.1 we pin): that connection kept every PostgreSQL suite's jest worker alive after the
 * suite. After destroy, the held client is handed back and the pool ended. On other adapters,
 * nothing to do.
 */
export const endPostgresPool = async (payload: Payload): Promise<void> => {
  const pool = (payload.db as { pool?: Pool }).pool
  if (!pool) return
  const internals = pool as unknown as PoolInternals
  if (internals.ending) return
  const idle = new Set(internals._idle.map(({ client }) => client))
  for (const client of internals._clients) {
    if (!idle.has(client)) client.release()
  }
  await pool.end()
}
