import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import { databaseKind } from '../src/host/database/database'
import { holdsFor } from './helpers/holdsFor'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { waitFor } from './helpers/waitFor'

/**
 * Every instance runs the plugin's job runner. Two production instances on one database, both
 * looking for due jobs every second, and 30 scheduled publishes falling due within two
 * seconds: each must fire once, on one instance, with one published version.
 */
const kind = databaseKind(process.env.DATABASE_URI)
const SCHEDULED = 30
const previousNodeEnv = process.env.NODE_ENV

jest.setTimeout(10 * 60_000)

let ctx: TestPayload
const instances: ProductionApp[] = []
const articleIds: (number | string)[] = []

/** Error lines from Payload's logger (pino: level 50 and up) or the app's own logger. */
const errorLines = (output: string) =>
  output.split('\n').filter((line) => /"level":\s*(50|60)\b|"level":"(error|fatal)"/.test(line))

beforeAll(async () => {
  await ensureProductionBuild()
  // The schema as production builds it (the committed migrations), which the instances expect.
  Object.assign(process.env, { NODE_ENV: 'production' })
  ctx = await startTestPayload()
  const databaseUri = process.env.DATABASE_URI as string
  const editor = await ctx.payload.create({
    collection: 'users',
    data: {
      name: 'Scheduling Editor',
      email: 'scheduler@newsroom.test',
      password: 'correct horse battery staple',
      roles: ['editor'],
    },
  })
  for (let n = 0; n < SCHEDULED; n++) {
    const article = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'draft', headline: `Scheduled story ${n}` },
      draft: true,
    })
    articleIds.push(article.id)
  }
  for (const env of [{}, {}]) {
    instances.push(
      await startProductionApp({
        databaseUri,
        env: { ...env, NEWSROOM_JOBS_CRON: '* * * * * *' },
      }),
    )
  }
  // Due a few seconds from now, within two seconds of each other, as an editor schedules them.
  const dueFrom = Date.now() + 4000
  for (const [n, id] of articleIds.entries()) {
    await ctx.payload.jobs.queue({
      input: {
        type: 'publish',
        // As the admin's schedule drawer sends it: the id as a string, on every database.
        doc: { relationTo: 'articles', value: String(id) as never },
        user: { relationTo: 'users', value: editor.id },
      },
      task: 'schedulePublish',
      waitUntil: new Date(dueFrom + Math.floor((n * 2000) / SCHEDULED)),
    })
  }
})

afterAll(async () => {
  for (const instance of instances) {
    instance.signal('SIGKILL')
    await instance.exited
  }
  await ctx?.payload.destroy()
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
})

describe(`scheduled publishing with two instances on one database (${kind})`, () => {
  it('publishes each scheduled story exactly once, with one published version', async () => {
    const published = async () =>
      (
        await ctx.payload.count({
          collection: 'articles',
          where: { and: [{ id: { in: articleIds } }, { _status: { equals: 'published' } }] },
        })
      ).totalDocs
    const publishedVersionCount = async () =>
      (
        await ctx.payload.countVersions({
          collection: 'articles',
          where: {
            and: [{ parent: { in: articleIds } }, { 'version._status': { equals: 'published' } }],
          },
        })
      ).totalDocs
    await waitFor(
      async () => {
        const open = (
          await ctx.payload.count({
            collection: 'payload-jobs',
            where: { completedAt: { exists: false } },
          })
        ).totalDocs
        return open === 0 && (await published()) === SCHEDULED
      },
      { intervalMs: 500, timeoutMs: 60_000, what: 'every scheduled story published, no job open' },
    )
    // Both runners keep looking every second: a late second run would publish another version.
    // Nothing announces that none will come, so three of their rounds are watched.
    // A late run ends the watch at once; the count per story below then says which it was.
    const versionsWhenDone = await publishedVersionCount()
    const lateRun = await holdsFor(
      async () => (await publishedVersionCount()) === versionsWhenDone,
      { intervalMs: 250, ms: 3000, what: 'the count of published versions' },
    ).then(
      () => undefined,
      (error: unknown) => error,
    )

    const publishedVersions: Record<string, number> = {}
    for (const id of articleIds) {
      const { totalDocs } = await ctx.payload.countVersions({
        collection: 'articles',
        where: {
          and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }],
        },
      })
      publishedVersions[String(id)] = totalDocs
    }
    const twice = Object.entries(publishedVersions).filter(([, count]) => count !== 1)
    expect(twice).toEqual([])
    expect(lateRun).toBeUndefined()

    // Payload deletes a job once it completes: what is left failed, or is still running.
    const left = await ctx.payload.find({
      collection: 'payload-jobs',
      limit: 0,
      pagination: false,
      where: { taskSlug: { equals: 'schedulePublish' } },
    })
    expect(left.docs.map((job) => ({ error: job.error, id: job.id }))).toEqual([])
    // A second run of a job shows as an error in the instance that ran it late (its log entry
    // for a job the first run had completed and deleted).
    for (const instance of instances) {
      expect(errorLines(instance.output())).toEqual([])
    }
  })
})
