import type { CollectionBeforeOperationHook, Endpoint, Payload } from 'payload'

import { answerInputErrors } from './answerInputErrors'
import { closedDoors, closedGlobalDoors } from './closedDoors'
import { guardOperationArgs } from './guardOperationArgs'
import { guardReindexBody } from './guardReindexBody'

/** Marks the hook, so a second init (tests, hot reload) does not add it twice. */
const GUARD = Symbol.for('newsroom.payloadCollectionGuard')

type Marked = CollectionBeforeOperationHook & { [GUARD]?: true }

/**
 * Payload's collections a signed-in client writes through REST (the admin's preferences and
 * document locks): their bodies are checked against their fields too, as a bad `createdAt` or
 * `id` reached PostgreSQL's insert (a 500). The others are written by Payload alone.
 */
const CLIENT_WRITTEN = new Set(['payload-locked-documents', 'payload-preferences'])

/** Marks the 404 doors added here, for the same reason. */
const CLOSED = 'newsroomClosedDoor'

const withClosedDoors = (endpoints: Endpoint[], closed: Endpoint[]): Endpoint[] =>
  endpoints.some((endpoint) => endpoint.custom?.[CLOSED])
    ? endpoints
    : [...closed.map((door) => ({ ...door, custom: { [CLOSED]: true } })), ...endpoints]

/**
 * The collections Payload adds itself once plugins have run (`payload-preferences`,
 * `payload-locked-documents`, `payload-jobs`, `payload-migrations`, …) get the newsroom's
 * checks of ids and queries too, at init, as no plugin can reach them before: a `where` value
 * that is not a date or an id, `page=99999999999999999999` or `near` on a non-point field
 * reached the database there and answered 500. Of their writes, only those a client makes
 * (preferences, locks) are checked: the rest come from Payload itself. Like the newsroom's, they and every global without versions answer their versions
 * doors with a 404 rather than a query on tables that do not exist (a 500), and the search
 * plugin's reindex door checks its body first (guardReindexBody).
 */
export const guardPayloadCollections = (payload: Payload, { maxDepth }: { maxDepth: number }) => {
  const readGuard: Marked = guardOperationArgs({ maxDepth, writes: false })
  const bodyGuard = guardOperationArgs({ maxDepth })
  // A client's body (REST, GraphQL) is checked; Payload's own writes through the Local API (the
  // admin's list view saving its columns as `user: id`) are Payload's shape, not a client's.
  const writeGuard: Marked = (hookArgs) =>
    hookArgs.req.payloadAPI === 'local' ? readGuard(hookArgs) : bodyGuard(hookArgs)
  readGuard[GUARD] = writeGuard[GUARD] = true
  for (const { config } of Object.values(payload.collections)) {
    const hooks = (config.hooks.beforeOperation ?? []) as Marked[]
    if (config.slug.startsWith('payload-') && !hooks.some((hook) => hook[GUARD])) {
      const guard = CLIENT_WRITTEN.has(config.slug) ? writeGuard : readGuard
      config.hooks.beforeOperation = [guard, ...hooks]
      // `?where=x` is parsed as JSON by Payload's handler, before any operation hook.
      config.hooks.afterError = [...(config.hooks.afterError ?? []), answerInputErrors]
      if (config.endpoints) {
        config.endpoints = withClosedDoors(config.endpoints, closedDoors(config))
      }
    }
  }
  for (const { config } of Object.values(payload.collections)) {
    if (Array.isArray(config.endpoints)) {
      config.endpoints = config.endpoints.map((endpoint) =>
        endpoint.path === '/reindex' &&
        endpoint.method === 'post' &&
        !endpoint.custom?.newsroomReindexGuard
          ? guardReindexBody(endpoint)
          : endpoint,
      )
    }
  }
  for (const global of payload.globals.config) {
    if (global.endpoints) {
      global.endpoints = withClosedDoors(global.endpoints, closedGlobalDoors(global))
    }
  }
  answerUnscheduledJobs(payload)
}

/**
 * `GET /api/payload-jobs/handle-schedules` answers a 500 ("no tasks or workflows with schedules
 * are defined") when nothing is scheduled: a door that has nothing behind it is a 404.
 */
const answerUnscheduledJobs = (payload: Payload) => {
  const jobs = payload.collections['payload-jobs']?.config
  if (!jobs || !Array.isArray(jobs.endpoints) || payload.config.jobs?.scheduling) {
    return
  }
  jobs.endpoints = jobs.endpoints.map((endpoint): Endpoint => {
    if (endpoint.path !== '/handle-schedules' || endpoint.custom?.newsroom) {
      return endpoint
    }
    return {
      ...endpoint,
      custom: { ...endpoint.custom, newsroom: true },
      handler: async (req) => {
        const answer = await endpoint.handler(req)
        return answer.status >= 500
          ? Response.json(
              {
                errors: [
                  { message: 'Not Found: no jobs are scheduled, so there are none to handle.' },
                ],
              },
              { status: 404 },
            )
          : answer
      },
    }
  })
}
