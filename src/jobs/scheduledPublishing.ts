import type { Config, Payload, PayloadRequest, TaskConfig } from 'payload'

import type { NewsroomJobsOptions } from '../types'

import { canPublish } from '../access/roles'
import { liftEmbargoTask } from '../embargo/liftEmbargo'
import { emailNotificationTask } from '../notifications/emailTask'

/** Every ten seconds: a story scheduled for six sharp is live by 6:00:10. */
export const DEFAULT_JOBS_CRON = '*/10 * * * * *'

/** Payload queues scheduled publish and unpublish jobs here. */
const SCHEDULE_QUEUE = 'default'

const RUNNER_KEY = Symbol.for('payload-plugin-newsroom.jobRunner')

type RunnerHolder = { [RUNNER_KEY]?: Payload }

/**
 * One runner per process: a host whose custom server and Next each load the config has two
 * Payload instances in one process, and both running due jobs would publish a story twice.
 * The first instance to ask keeps the role until it is destroyed (its crons stopped).
 */
const isThisProcessRunner = (payload: Payload): boolean => {
  const holder = globalThis as RunnerHolder
  const current = holder[RUNNER_KEY]
  const currentStopped = !current || current.crons.every((cron) => cron.isStopped())
  if (current === payload || currentStopped) {
    holder[RUNNER_KEY] = payload
    return true
  }
  return false
}

/** Scheduling is publishing: only those who may publish run, queue or cancel jobs. */
const editorsOnly = ({ req }: { req: PayloadRequest }) => canPublish(req)

/**
 * Runs due scheduled publishes and unpublishes inside every server that loads the config
 * (`next start` included), with Payload's own job runner, so a host needs no cron of its own;
 * and keeps the job queue to editors.
 */
export const withScheduledPublishing = (
  jobs: Config['jobs'],
  { autoRun = true, cron = DEFAULT_JOBS_CRON }: NewsroomJobsOptions = {},
  { embargoSearch = null }: { embargoSearch?: { priority: number; slug: string } | null } = {},
): Config['jobs'] => {
  const guarded: Config['jobs'] = {
    ...jobs,
    // Lifting an embargo at its time and emailing notifications once their write is committed:
    // the same runner, the same queue as scheduled publishes.
    tasks: [
      ...(jobs?.tasks ?? []),
      liftEmbargoTask(embargoSearch) as unknown as TaskConfig,
      emailNotificationTask() as unknown as TaskConfig,
    ],
    access: {
      cancel: editorsOnly,
      queue: editorsOnly,
      run: editorsOnly,
      // A host's own rules (a cron secret for /api/payload-jobs/run, say) come first.
      ...jobs?.access,
    },
  }
  if (!autoRun) {
    return guarded
  }
  const hostAutoRun = jobs?.autoRun
  const hostShouldAutoRun = jobs?.shouldAutoRun
  return {
    ...guarded,
    autoRun: async (payload) => [
      ...(typeof hostAutoRun === 'function' ? await hostAutoRun(payload) : (hostAutoRun ?? [])),
      { cron, limit: 20, queue: SCHEDULE_QUEUE },
    ],
    shouldAutoRun: async (payload) =>
      isThisProcessRunner(payload) && (hostShouldAutoRun ? await hostShouldAutoRun(payload) : true),
  }
}
