import type { Payload } from 'payload'

type JobRunnerOptions = {
  /** How often due jobs (scheduled publish and unpublish) are run. @default 10000 */
  intervalMs?: number
  payload: Payload
}

/**
 * Runs due jobs from inside the server, so scheduled publishing needs no external cron. It runs
 * only in the process that calls it (the express server), not in every Payload instance that
 * happens to load the config.
 */
export const startJobRunner = ({ intervalMs = 10_000, payload }: JobRunnerOptions) => {
  let running: Promise<unknown> | undefined
  const tick = () => {
    running ??= payload.jobs
      .run({ limit: 20 })
      .catch((error: unknown) => payload.logger.error({ err: error }, 'Running due jobs failed'))
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    /** Stops the timer and waits for a run in progress. */
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
