import type { Payload, PayloadRequest, Sort, Where } from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { collectionTable, drizzleFor } from '../utilities/drizzleTables'

/**
 * Workaround for a Payload 3.x bug: its job runner claims due jobs by reading them, then marking
 * each one `processing` (`db.updateJobs`), so two instances whose runners read at the same moment
 * both take a job, and a scheduled publish fires twice. Payload has no config for the claim, so
 * this replaces the adapter's `updateJobs` for that one call, and only for the newsroom's own
 * jobs (a scheduled publish or unpublish of a story): each is taken with an atomic conditional
 * update, and the runner is handed only the jobs this instance won. Every other job, the site's
 * own, is claimed by Payload's code as before. Proved by `test/jobsTwoInstances.test.ts`; listed
 * in docs/operations.md. Remove when Payload claims jobs atomically.
 */

type Id = number | string

type Req = Pick<PayloadRequest, 'transactionID'>

type UpdateJobsArgs = {
  data: Record<string, unknown>
  id?: Id
  limit?: number
  req?: Partial<Req>
  returning?: boolean
  sort?: Sort
  where?: Where
}

type UpdateJobs = (args: UpdateJobsArgs) => Promise<null | Record<string, unknown>[]>

type Job = {
  id: Id
  input?: { doc?: { relationTo?: string } }
  taskSlug?: string
  totalTried?: number
}

type ClaimsCollection = {
  deleteMany: (filter: object) => Promise<unknown>
  insertOne: (doc: object) => Promise<unknown>
}

/** What @payloadcms/db-mongodb exposes: a mongoose model per collection. */
type MongooseAdapter = {
  collections: Record<
    string,
    {
      db: { collection: (name: string) => ClaimsCollection }
      updateOne: (filter: object, update: object) => Promise<unknown>
    }
  >
}

/** Claims are kept this long, then swept: a job's attempt is long over by then. */
const CLAIM_RETENTION_MS = 24 * 60 * 60 * 1000

const CLAIMS_COLLECTION = 'payload-job-claims'

const PATCHED = Symbol.for('payload-plugin-newsroom.jobClaimedByTwoRunners')

/**
 * Payload's runner marks the due jobs it picked with `{ processing: true }` through
 * `updateJobs`: that call, and no other, is the claim.
 */
const isClaim = ({ data }: UpdateJobsArgs): boolean =>
  Object.keys(data).every((key) => key === 'processing' || key === 'updatedAt') &&
  data.processing === true

/** The newsroom's jobs: Payload's scheduled publish task, for a story. */
const isNewsroomJob = (job: Job): boolean =>
  job.taskSlug === 'schedulePublish' && job.input?.doc?.relationTo === collectionSlugs.articles

/**
 * Sets `processing` on one job only if no one has, and only while it is still due (not finished
 * by a runner that took it since the candidates were read): one conditional UPDATE, won if it
 * returns the row. On PostgreSQL a second runner's UPDATE waits for the first one's transaction
 * and then finds the row taken; SQLite writes one transaction at a time.
 */
const claimOne = async (payload: Payload, job: Job, req: Partial<Req> | undefined) => {
  if (payload.db.name === 'mongoose') {
    // A conditional update is atomic on MongoDB, but not on every server that speaks its
    // protocol (FerretDB 1.x reads, then writes): the claim is an insert under a unique _id,
    // one per attempt, which any of them refuses twice. Then the job is marked as Payload does.
    const jobs = (payload.db as unknown as MongooseAdapter).collections['payload-jobs']
    try {
      await jobs.db
        .collection(CLAIMS_COLLECTION)
        .insertOne({ _id: `${String(job.id)}:${Number(job.totalTried ?? 0)}`, at: new Date() })
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false
      throw error
    }
    await jobs.updateOne({ _id: job.id }, { $set: { processing: true, updatedAt: new Date() } })
    return true
  }
  // Loaded here, not at the top: drizzle-orm comes with the SQL adapters, not with MongoDB's.
  const { and, eq, isNull, or } = await import('drizzle-orm')
  const table = collectionTable(payload, 'payload-jobs')
  const won = await (
    await drizzleFor(payload, req)
  )
    .update(table)
    .set({ processing: true, updatedAt: new Date().toISOString() })
    .where(
      and(
        eq(table.id, job.id),
        or(isNull(table.processing), eq(table.processing, false)),
        isNull(table.completedAt),
        or(isNull(table.hasError), eq(table.hasError, false)),
      ),
    )
    .returning({ id: table.id })
  return won.length === 1
}

/** Sweeps the MongoDB claims whose attempts are long over. */
const sweepClaims = async (payload: Payload) => {
  const jobs = (payload.db as unknown as MongooseAdapter).collections['payload-jobs']
  await jobs.db
    .collection(CLAIMS_COLLECTION)
    .deleteMany({ at: { $lt: new Date(Date.now() - CLAIM_RETENTION_MS) } })
}

export const claimNewsroomJobsAtomically = (payload: Payload): void => {
  const db = payload.db as unknown as {
    [PATCHED]?: true
    find: Payload['db']['find']
    name: string
    updateJobs: UpdateJobs
  }
  if (db[PATCHED] || !['mongoose', 'postgres', 'sqlite'].includes(db.name)) {
    return
  }
  const updateJobs = db.updateJobs.bind(db)
  db.updateJobs = async (args) => {
    if (!isClaim(args)) {
      return updateJobs(args)
    }
    const where: Where = args.id !== undefined ? { id: { equals: args.id } } : (args.where ?? {})
    const { docs } = await db.find({
      collection: 'payload-jobs',
      limit: args.id !== undefined ? 1 : (args.limit ?? 0),
      pagination: false,
      req: args.req,
      sort: args.sort,
      where,
    })
    const candidates = docs as unknown as Job[]
    const newsroomJobs = candidates.filter(isNewsroomJob)
    if (newsroomJobs.length === 0) {
      return updateJobs(args)
    }
    const claimed: Id[] = []
    for (const job of newsroomJobs) {
      if (await claimOne(payload, job, args.req)) claimed.push(job.id)
    }
    if (db.name === 'mongoose') await sweepClaims(payload)
    // The site's own jobs among the candidates are claimed as Payload claims them.
    const siteJobs = candidates.filter((job) => !isNewsroomJob(job)).map((job) => job.id)
    if (siteJobs.length > 0) {
      await updateJobs({ ...args, id: undefined, where: { id: { in: siteJobs } } })
    }
    const taken = [...claimed, ...siteJobs]
    if (taken.length === 0 || args.returning === false) {
      return args.returning === false ? null : []
    }
    const { docs: jobs } = await db.find({
      collection: 'payload-jobs',
      limit: 0,
      pagination: false,
      req: args.req,
      where: { id: { in: taken } },
    })
    // In the order the runner asked for.
    const order = new Map(candidates.map((job, index) => [String(job.id), index]))
    return jobs.sort(
      (a, b) => (order.get(String(a.id)) ?? 0) - (order.get(String(b.id)) ?? 0),
    ) as Record<string, unknown>[]
  }
  db[PATCHED] = true
}
