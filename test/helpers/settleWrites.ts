import type { Payload } from 'payload'

import { changeFeedFor } from '../../src/cache/changeFeed'
import { waitFor } from './waitFor'

/**
 * Waits until every write made through this process has been seen committed in the change log
 * (or let go as rolled back): each is purged once more when it is, which would turn an expected
 * hit into a miss.
 */
export const settleWrites = async (payload: Payload): Promise<void> => {
  const feed = changeFeedFor(payload)
  await waitFor(() => feed.pendingWrites() === 0, {
    // A write whose transaction is never seen to end is let go after 10 s (COMMIT_WAIT_MS).
    timeoutMs: 20_000,
    what: "this process's writes to be seen committed in the change log",
  })
}
