import type { Payload } from 'payload'

import { changeFeedFor } from '../../src/cache/changeFeed'
import { waitFor } from './waitFor'

/**
 * Waits until none of this process's writes has been waiting to be seen committed for
 * `quietMs`. Each is purged once more when it is (and on PostgreSQL a change-log entry a
 * concurrent writer overwrote is appended again, a moment after the count went to 0), which
 * would turn an expected hit into a miss. The quiet spell is a bounded negative check: nothing
 * outside the feed tells that no re-append is still under way.
 */
export const settleWrites = async (payload: Payload, quietMs = 750): Promise<void> => {
  const feed = changeFeedFor(payload)
  let quietSince = Date.now()
  await waitFor(
    () => {
      if (feed.pendingWrites() > 0) quietSince = Date.now()
      return Date.now() - quietSince >= quietMs
    },
    {
      // A write that never shows up is given up on after 10 s (the feed's COMMIT_WAIT_MS).
      timeoutMs: 20_000,
      what: `this process's writes to be seen committed, then ${quietMs} ms with none waiting`,
    },
  )
}
