import type { Payload, PayloadRequest, Sort, Where } from 'payload'

import { executeSql, sqlLiteral, sqlTable } from '../utilities/sqlText'

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

type ClaimsCollection = {
  deleteMany: (filter: object) => Promise<unknown>
  insertOne: (doc: object) => Promise<unknown>
}

/** What @payloadcms/db-mongodb exposes. */
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

const CLAIMED = Symbol.for('payload-plugin-newsroom.claimJobs')

/**
 * Payload's runner marks the due jobs it picked with `{ processing: true }` through
 * `updateJobs`: that call, and no other, is the claim.
 */
const isClaim = ({ data }: UpdateJobsArgs): boolean =>
  Object.keys(data).every((key) => key === 'processing' || key === 'updatedAt') &&
  data.processing === true

const rowsChanged = (result: unknown): number => {
  const value = result as { rowCount?: null | number; rowsAffected?: number }
  return Number(value?.rowCount ?? value?.rowsAffected ?? 0)
}

/**
 * Still due: not taken, and not finished by a runner that took it since the candidates were
 * read (Payload marks a job completed, not processing, and only then deletes it).
 */
const stillRunnable = (isTrue: string) =>
  `("processing" IS NULL OR "processing" <> ${isTrue}) AND "completed_at" IS NULL AND ("has_error" IS NULL OR "has_error" <> ${isTrue})`

/**
 * Sets `processing` on one job only if no one has: one conditional UPDATE, checked by the rows
 * it changed. On PostgreSQL a second runner's UPDATE waits for the first one's transaction and
 * then finds the row taken; SQLite writes one transaction at a time.
 */
const claimOne = async (
  payload: Payload,
  { attempt, id }: { attempt: number; id: Id },
  req: Partial<Req> | undefined,
): Promise<boolean> => {
  const db = payload.db
  if (db.name === 'mongoose') {
    // A conditional update is atomic on MongoDB, but not on every server that speaks its
    // protocol (FerretDB 1.x reads, then writes): the claim is an insert under a unique _id,
    // one per attempt, which any of them refuses twice. Then the job is marked as Payload does.
    const jobs = (db as unknown as MongooseAdapter).collections['payload-jobs']
    const claims = jobs.db.collection(CLAIMS_COLLECTION)
    try {
      await claims.insertOne({ _id: `${String(id)}:${attempt}`, at: new Date() })
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false
      throw error
    }
    await jobs.updateOne({ _id: id }, { $set: { processing: true, updatedAt: new Date() } })
    return true
  }
  const isTrue = db.name === 'sqlite' ? '1' : 'true'
  const result = await executeSql(
    payload,
    req,
    `UPDATE ${sqlTable(payload, 'payload-jobs')} SET "processing" = ${isTrue}, "updated_at" = ${sqlLiteral(new Date().toISOString())} WHERE "id" = ${sqlLiteral(id)} AND ${stillRunnable(isTrue)}`,
  )
  return rowsChanged(result) === 1
}

/**
 * Every instance runs the job runner, and Payload's claim of due jobs (read them, then mark
 * each one `processing`) lets two runners that read at the same moment both take a job: a
 * scheduled publish fired twice. Here the claim reads the same candidates, then takes each one
 * with an atomic conditional update, and hands the runner only the jobs this instance won.
 */
export const claimJobsAtomically = (payload: Payload): void => {
  const db = payload.db as unknown as {
    [CLAIMED]?: true
    find: Payload['db']['find']
    name: string
    updateJobs: UpdateJobs
  }
  if (db[CLAIMED] || !['mongoose', 'postgres', 'sqlite'].includes(db.name)) {
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
    const claimed: Id[] = []
    for (const doc of docs) {
      const job = {
        attempt: Number((doc as { totalTried?: number }).totalTried ?? 0),
        id: doc.id as Id,
      }
      if (await claimOne(payload, job, args.req)) {
        claimed.push(doc.id as Id)
      }
    }
    if (db.name === 'mongoose' && docs.length > 0) {
      const jobs = (db as unknown as MongooseAdapter).collections['payload-jobs']
      await jobs.db
        .collection(CLAIMS_COLLECTION)
        .deleteMany({ at: { $lt: new Date(Date.now() - CLAIM_RETENTION_MS) } })
    }
    if (claimed.length === 0 || args.returning === false) {
      return args.returning === false ? null : []
    }
    const { docs: jobs } = await db.find({
      collection: 'payload-jobs',
      limit: 0,
      pagination: false,
      req: args.req,
      where: { id: { in: claimed } },
    })
    const order = new Map(claimed.map((id, index) => [String(id), index]))
    return jobs.sort(
      (a, b) => (order.get(String(a.id)) ?? 0) - (order.get(String(b.id)) ?? 0),
    ) as Record<string, unknown>[]
  }
  db[CLAIMED] = true
}
