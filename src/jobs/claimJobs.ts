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

/** What @payloadcms/db-mongodb exposes. */
type MongooseAdapter = {
  collections: Record<
    string,
    { updateOne: (filter: object, update: object, options?: object) => Promise<unknown> }
  >
  sessions: Record<string, unknown>
}

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
 * then finds the row taken; SQLite writes one transaction at a time; a MongoDB update of one
 * document is atomic.
 */
const claimOne = async (
  payload: Payload,
  id: Id,
  req: Partial<Req> | undefined,
): Promise<boolean> => {
  const db = payload.db
  if (db.name === 'mongoose') {
    const mongo = db as unknown as MongooseAdapter
    const session = mongo.sessions[String(await req?.transactionID)]
    const result = (await mongo.collections['payload-jobs'].updateOne(
      { _id: id, completedAt: null, hasError: { $ne: true }, processing: { $ne: true } },
      { $set: { processing: true, updatedAt: new Date() } },
      session ? { session } : {},
    )) as { modifiedCount?: number }
    return result.modifiedCount === 1
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
      if (await claimOne(payload, doc.id as Id, args.req)) {
        claimed.push(doc.id as Id)
      }
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
