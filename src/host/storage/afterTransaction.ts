import type { PayloadRequest } from 'payload'

const POLL_MS = 25
/** A transaction still open after this long is not waited for: the sweep has the last word. */
const WAIT_MS = 60_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` once the request's transaction is over (Payload clears `req.transactionID` when it
 * commits or rolls back), without holding up the request; errors are logged, never thrown at
 * whoever made the change (`failure` is the log's message). A transaction that stays open past the limit is given up on.
 */
export const afterTransaction = (
  req: PayloadRequest,
  failure: string,
  work: () => Promise<void>,
): void => {
  const run = async () => {
    const deadline = Date.now() + WAIT_MS
    while (req.transactionID && Date.now() < deadline) {
      await sleep(POLL_MS)
    }
    if (!req.transactionID) {
      await work()
    }
  }
  run().catch((err: unknown) => req.payload.logger.error({ err, msg: failure }))
}
