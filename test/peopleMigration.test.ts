import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { carryOverPeople } from 'payload-plugin-newsroom'

import { carryOverPeopleAtStart } from '../src/host/database/carryOverPeopleAtStart'
import { databaseKind } from '../src/host/database/database'
import { pieceCases, pieceQuotes } from '../src/host/seed/pieceRecords'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'

/**
 * A database written before people were records meets the `people_and_claims` migration (SQL:
 * the committed migration, down then up) and the start-up step after the migrations: typed
 * speakers, byline credits, staff author accounts and case parties become people, the same
 * name once, and nothing typed is lost.
 */

const kind = databaseKind(process.env.DATABASE_URI)
let ctx: TestPayload

/** Creates as a client would send it: defaults and server-filled fields left out. */
const create = (args: { collection: string; data: Record<string, unknown>; draft?: boolean }) =>
  ctx.payload.create(args as never) as Promise<any>
let storyId: number | string
let staffId: number | string

type Counts = {
  bylines: string[]
  draftBylines: string[]
  quotes: { name: string; organization: null | string; text: string; title: null | string }[]
}

const typedNow = async (): Promise<Counts> => {
  const { docs } = await ctx.payload.find({
    collection: 'quotes',
    depth: 0,
    limit: 100,
    sort: 'id',
  })
  const story = await ctx.payload.findByID({ id: storyId, collection: 'articles', depth: 0 })
  const draft = await ctx.payload.findByID({
    id: storyId,
    collection: 'articles',
    depth: 0,
    draft: true,
  })
  const byline = (entry: { author?: unknown; credit?: null | string }) =>
    `${String(entry.author ?? '')}|${entry.credit ?? ''}`
  return {
    bylines: (story.bylines ?? []).map(byline),
    draftBylines: (draft.bylines ?? []).map(byline),
    quotes: docs.map((quote) => ({
      name: quote.speaker.name,
      organization: quote.speaker.organization ?? null,
      text: quote.text,
      title: quote.speaker.title ?? null,
    })),
  }
}

const previousNodeEnv = process.env.NODE_ENV

beforeAll(async () => {
  // In production the schema comes from the committed migrations, as on a newsroom's database
  // that meets this one; a development schema push makes tables no migration ever goes down on.
  Object.assign(process.env, { NODE_ENV: 'production' })
  ctx = await startTestPayload()
  const { payload } = ctx
  const staff = await payload.create({
    collection: 'users',
    data: {
      name: 'Maria Reporter',
      email: 'maria@newsroom.test',
      password: 'correct horse battery staple',
      roles: ['writer'],
    },
  })
  staffId = staff.id
  // As stored before people existed: names typed into quotes, bylines and cases.
  const quoteIds = []
  for (const { notes, status, ...quote } of pieceQuotes) {
    const created = await create({
      collection: 'quotes',
      data: { ...quote, verification: { notes, status } },
    })
    quoteIds.push(created.id)
  }
  const caseIds = []
  // The precedent links are captions, not ids: left out, they play no part here.
  for (const { follows: _follows, overrules: _overrules, ...record } of pieceCases) {
    caseIds.push((await create({ collection: 'cases', data: record })).id)
  }
  const story = await create({
    collection: 'articles',
    data: {
      _status: 'published',
      bylines: [
        { author: staff.id },
        { credit: 'Staff and wire reports' },
        { credit: 'Karen  Musalo' },
      ],
      cases: caseIds,
      headline: 'A story from before people were records',
      slug: 'a-story-from-before-people-were-records',
      quotes: quoteIds,
    },
  })
  storyId = story.id
  // A draft after publication: its bylines live in versions only.
  await payload.update({
    id: story.id,
    collection: 'articles',
    data: { bylines: [{ author: staff.id }, { credit: 'A Draft Contributor' }] },
    draft: true,
  })
  // What the migrations made for this test: no people yet, nothing linked.
  expect((await payload.count({ collection: 'people' })).totalDocs).toBe(0)
})

afterAll(async () => {
  await ctx?.payload.destroy()
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
})

const migrate = async () => {
  if (kind === 'mongodb') {
    // No migrations: the start-up step alone.
    await carryOverPeopleAtStart(ctx.payload)
    return
  }
  const { migrations } =
    kind === 'postgres'
      ? await import('../migrations/postgres')
      : await import('../migrations/sqlite')
  const named = (suffix: string) => migrations.find((entry) => entry.name.endsWith(suffix))!
  const db = (ctx.payload.db as unknown as { drizzle: unknown }).drizzle
  const args = { db, payload: ctx.payload }
  // As an existing database meets it: without the tables and columns, then with them, and
  // with what later migrations add to them (organisations adds only what is missing)…
  await named('_people_and_claims').down(args as never)
  await named('_people_and_claims').up(args as never)
  await named('_organisations').up(args as never)
  // …then the app starts, and carries the typed names over after the migrations.
  await carryOverPeopleAtStart(ctx.payload)
}

describe('the people migration on a database with typed names', () => {
  let before: Counts

  it('creates one person per name, merging the same name however it was typed', async () => {
    before = await typedNow()
    await migrate()
    const { docs: people } = await ctx.payload.find({
      collection: 'people',
      depth: 0,
      limit: 100,
    })
    const names = people.map((person) => person.name).sort()
    const typed = new Set([
      ...pieceQuotes.map((quote) => quote.speaker.name),
      ...pieceCases.flatMap((record) => [record.claimant, record.counsel]).filter(Boolean),
      'Maria Reporter',
      'Staff and wire reports',
      'A Draft Contributor',
    ])
    expect(names).toEqual([...typed].sort())
    expect(names.filter((name) => name === 'Karen Musalo')).toHaveLength(1)
    const maria = people.find((person) => person.name === 'Maria Reporter')!
    expect(maria.kind).toBe('staff')
    expect(String(maria.user)).toBe(String(staffId))
  })

  it('loses no quote, byline or typed name, and links each to its person', async () => {
    expect(await typedNow()).toEqual(before)
    const musalo = (
      await ctx.payload.find({ collection: 'people', where: { name: { equals: 'Karen Musalo' } } })
    ).docs[0]
    const { totalDocs } = await ctx.payload.count({
      collection: 'quotes',
      where: { 'speaker.person': { equals: musalo.id } },
    })
    expect(totalDocs).toBe(pieceQuotes.filter((q) => q.speaker.name === 'Karen Musalo').length)
    expect(musalo.positions?.map((position) => position.title)).toEqual(['Director'])
    const { totalDocs: unlinked } = await ctx.payload.count({
      collection: 'quotes',
      where: { 'speaker.person': { exists: false } },
    })
    expect(unlinked).toBe(0)

    const story = await ctx.payload.findByID({ id: storyId, collection: 'articles', depth: 1 })
    expect(story.bylines?.map((byline) => (byline.person as { name: string }).name)).toEqual([
      'Maria Reporter',
      'Staff and wire reports',
      'Karen Musalo',
    ])
    const draft = await ctx.payload.findByID({
      id: storyId,
      collection: 'articles',
      depth: 1,
      draft: true,
    })
    expect(draft.bylines?.map((byline) => (byline.person as { name: string }).name)).toEqual([
      'Maria Reporter',
      'A Draft Contributor',
    ])

    const kasinga = (
      await ctx.payload.find({
        collection: 'cases',
        depth: 1,
        where: { slug: { equals: 'matter-of-kasinga' } },
      })
    ).docs[0]
    expect(kasinga.claimant).toBe('Fauziya Kassindja')
    expect(
      kasinga.parties?.map((party) => [party.role, (party.person as { name: string }).name]),
    ).toEqual([
      ['claimant', 'Fauziya Kassindja'],
      ['counsel', 'Karen Musalo'],
    ])
  })

  it('lets readers see the people the live story shows, and only them', async () => {
    const rest = createRestClient(ctx.config)
    const { body } = await rest.get('/api/people?limit=100&depth=0')
    const names = body.docs.map((person: { name: string }) => person.name)
    expect(names).toContain('Karen Musalo')
    expect(names).toContain('Maria Reporter')
    // Named only by a draft's byline.
    expect(names).not.toContain('A Draft Contributor')
  })

  it('changes nothing when it runs again', async () => {
    const people = (await ctx.payload.count({ collection: 'people' })).totalDocs
    const result = await carryOverPeople({ payload: ctx.payload })
    expect(result).toEqual({
      bylinesLinked: 0,
      casesLinked: 0,
      peopleCreated: 0,
      quotesLinked: 0,
      versionsLinked: 0,
    })
    expect((await ctx.payload.count({ collection: 'people' })).totalDocs).toBe(people)
  })
})
