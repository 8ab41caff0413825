import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { databaseKind } from '../src/host/database/database'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Issue 23: the activity log. The server records who created, submitted, edited, published,
 * unpublished, corrected and verified what, once per action, through every door; autosaves do
 * not flood it; a refused change leaves nothing; nobody writes it; editors read and filter it.
 */

type Id = number | string
type Entry = {
  action: string
  actor?: Id | null | { id: Id }
  detail?: null | string
  recordCollection: string
  recordId: string
  recordTitle?: null | string
}

let ctx: TestPayload
let rest: RestClient
const tokens = { admin: '', editor: '', writer: '' }
const ids = { admin: '' as Id, editor: '' as Id, writer: '' as Id }
const users: Record<'admin' | 'editor' | 'writer', Record<string, unknown>> = {
  admin: {},
  editor: {},
  writer: {},
}

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  for (const role of ['admin', 'editor', 'writer'] as const) {
    tokens[role] = await signIn(ctx.payload, rest, role)
    const me = await rest.get('/api/users/me', { token: tokens[role] })
    ids[role] = me.body.user.id
    users[role] = { ...me.body.user, collection: 'users' }
  }
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

const actorId = (entry: Entry) =>
  entry.actor && typeof entry.actor === 'object' ? entry.actor.id : entry.actor

/** The log for one record, oldest first, as the server holds it. */
const logOf = async (id: Id, collection = 'articles'): Promise<Entry[]> =>
  (
    await ctx.payload.find({
      collection: 'activity',
      depth: 0,
      limit: 100,
      sort: 'at',
      where: { recordCollection: { equals: collection }, recordId: { equals: String(id) } },
    })
  ).docs as unknown as Entry[]

const actionsOf = async (id: Id) =>
  (await logOf(id)).map((entry) => `${entry.action} by ${String(actorId(entry))}`)

const by = (action: string, role: keyof typeof ids) => `${action} by ${String(ids[role])}`

describe('each action is logged once, with who did it', () => {
  it('through REST: created, submitted, edited, published, corrected, unpublished', async () => {
    const created = await rest.post('/api/articles?draft=true', {
      body: { headline: 'Ferry timetable cut' },
      token: tokens.writer,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as Id
    const edited = await rest.patch(`/api/articles/${id}?draft=true`, {
      body: { dek: 'Two crossings fewer.' },
      token: tokens.writer,
    })
    expect(edited.status).toBe(200)
    const submitted = await rest.patch(`/api/articles/${id}?draft=true`, {
      body: { stage: 'editing' },
      token: tokens.writer,
    })
    expect(submitted.status).toBe(200)
    const published = await rest.patch(`/api/articles/${id}`, {
      body: { _status: 'published' },
      token: tokens.editor,
    })
    expect(published.status).toBe(200)
    const corrected = await rest.patch(`/api/articles/${id}`, {
      body: { corrections: [{ text: 'The cut starts in May, not April.', type: 'correction' }] },
      token: tokens.editor,
    })
    expect(corrected.status).toBe(200)
    const unpublished = await rest.patch(`/api/articles/${id}`, {
      body: { _status: 'draft' },
      token: tokens.editor,
    })
    expect(unpublished.status).toBe(200)

    expect(await actionsOf(id)).toEqual([
      by('created', 'writer'),
      by('edited', 'writer'),
      by('submitted', 'writer'),
      by('published', 'editor'),
      by('corrected', 'editor'),
      by('unpublished', 'editor'),
    ])
    const log = await logOf(id)
    expect(log.every((entry) => entry.recordTitle === 'Ferry timetable cut')).toBe(true)
    expect(log.find((entry) => entry.action === 'corrected')?.detail).toBe(
      'The cut starts in May, not April.',
    )
  })

  it('through GraphQL', async () => {
    const created = await rest.graphql(
      'mutation { createArticle(draft: true, data: { headline: "Library hours extended", stage: drafting }) { id } }',
      { token: tokens.writer },
    )
    expect(created.body.errors).toBeUndefined()
    const id = created.body.data.createArticle.id as Id
    const submitted = await rest.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(id)}, draft: true, data: { stage: editing }) { stage } }`,
      { token: tokens.writer },
    )
    expect(submitted.body.errors).toBeUndefined()
    const published = await rest.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(id)}, data: { _status: published }) { _status } }`,
      { token: tokens.editor },
    )
    expect(published.body.errors).toBeUndefined()
    expect(await actionsOf(id)).toEqual([
      by('created', 'writer'),
      by('submitted', 'writer'),
      by('published', 'editor'),
    ])
  })

  it('through the Local API with a user, and a quote’s verification', async () => {
    const story = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', headline: 'Bridge reopens' } as never,
      overrideAccess: false,
      user: users.editor as never,
    })
    expect(await actionsOf(story.id)).toEqual([by('created', 'editor'), by('published', 'editor')])

    const quote = await ctx.payload.create({
      collection: 'quotes',
      data: { medium: 'interview', speaker: { name: 'Ana Ruiz' }, text: 'We waited a year.' },
      overrideAccess: false,
      user: users.writer as never,
    } as never)
    expect(await logOf(quote.id, 'quotes')).toEqual([])
    await ctx.payload.update({
      collection: 'quotes',
      data: { verification: { status: 'verified' } } as never,
      id: quote.id,
      overrideAccess: false,
      user: users.editor as never,
    })
    const log = await logOf(quote.id, 'quotes')
    expect(log.map((entry) => [entry.action, actorId(entry), entry.detail])).toEqual([
      ['verified', ids.editor, 'verified'],
    ])
  })

  it('coalesces autosaves: one “edited” per person per story however many saves', async () => {
    const created = await rest.post('/api/articles?draft=true', {
      body: { headline: 'Autosaved story' },
      token: tokens.writer,
    })
    const id = created.body.doc.id as Id
    for (const dek of ['One', 'One two', 'One two three', 'One two three four']) {
      const saved = await rest.patch(`/api/articles/${id}?draft=true&autosave=true`, {
        body: { dek },
        token: tokens.writer,
      })
      expect(saved.status).toBe(200)
    }
    // Another person's edit is their own entry.
    await rest.patch(`/api/articles/${id}?draft=true&autosave=true`, {
      body: { dek: 'Edited by the desk' },
      token: tokens.editor,
    })
    expect(await actionsOf(id)).toEqual([
      by('created', 'writer'),
      by('edited', 'writer'),
      by('edited', 'editor'),
    ])
  })

  it('logs nothing for a refused change', async () => {
    const created = await rest.post('/api/articles?draft=true', {
      body: { headline: 'Refused changes' },
      token: tokens.writer,
    })
    const id = created.body.doc.id as Id
    const before = await actionsOf(id)
    const publish = await rest.patch(`/api/articles/${id}`, {
      body: { _status: 'published' },
      token: tokens.writer,
    })
    expect(publish.status).toBeGreaterThanOrEqual(400)
    expect(publish.status).toBeLessThan(500)
    const pastReview = await rest.patch(`/api/articles/${id}?draft=true`, {
      body: { stage: 'ready' },
      token: tokens.writer,
    })
    expect(pastReview.status).toBe(400)
    const anonymous = await rest.patch(`/api/articles/${id}?draft=true`, { body: { dek: 'x' } })
    expect(anonymous.status).toBe(403)
    expect(await actionsOf(id)).toEqual(before)
  })

  // A standalone MongoDB server (FerretDB in CI) has no transactions to roll back: there a
  // change is kept as written (docs/operations.md, "Crashes").
  const withTransactions = databaseKind(process.env.DATABASE_URI) !== 'mongodb'
  ;(withTransactions ? it : it.skip)(
    'writes inside the change’s transaction: a change rolled back leaves no entry',
    async () => {
      const story = await ctx.payload.create({
        collection: 'articles',
        data: { headline: 'Rolled back' } as never,
        draft: true,
      })
      const req = await createLocalReq({ user: users.editor as never }, ctx.payload)
      await initTransaction(req)
      await ctx.payload.update({
        collection: 'articles',
        data: { _status: 'published' } as never,
        id: story.id,
        overrideAccess: false,
        req,
      })
      // Seen inside the transaction…
      const inside = await ctx.payload.count({
        collection: 'activity',
        req,
        where: { recordId: { equals: String(story.id) } },
      })
      expect(inside.totalDocs).toBe(1)
      await killTransaction(req)
      // …and gone with it.
      expect(await logOf(story.id)).toEqual([])
    },
  )

  it('does not log writes made without a signed-in account (seed, migrations)', async () => {
    const story = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', headline: 'Seeded story' } as never,
    })
    expect(await logOf(story.id)).toEqual([])
  })
})

describe('nobody writes the log; editors read it', () => {
  let entryId: Id
  beforeAll(async () => {
    const created = await rest.post('/api/articles?draft=true', {
      body: { headline: 'Log target' },
      token: tokens.writer,
    })
    entryId = ((await logOf(created.body.doc.id))[0] as unknown as { id: Id }).id
  })

  it('refuses create, update and delete through REST, GraphQL and the Local API', async () => {
    const entry = {
      action: 'published',
      actor: ids.admin,
      at: new Date().toISOString(),
      recordCollection: 'articles',
      recordId: '1',
    }
    for (const token of [tokens.admin, tokens.editor, tokens.writer, undefined]) {
      expect((await rest.post('/api/activity', { body: entry, token })).status).toBe(403)
      expect(
        (await rest.patch(`/api/activity/${entryId}`, { body: { detail: 'x' }, token })).status,
      ).toBe(403)
      expect((await rest.delete(`/api/activity/${entryId}`, { token })).status).toBe(403)
    }
    const graphCreate = await rest.graphql(
      'mutation { createActivity(data: { action: published, recordCollection: "articles", recordId: "1", at: "2026-01-01T00:00:00.000Z" }) { id } }',
      { token: tokens.admin },
    )
    expect(JSON.stringify(graphCreate.body.errors ?? [])).toMatch(/not allowed/i)
    const graphUpdate = await rest.graphql(
      `mutation { updateActivity(id: ${JSON.stringify(entryId)}, data: { detail: "x" }) { id } }`,
      { token: tokens.admin },
    )
    expect(JSON.stringify(graphUpdate.body.errors ?? [])).toMatch(/not allowed/i)
    const graphDelete = await rest.graphql(
      `mutation { deleteActivity(id: ${JSON.stringify(entryId)}) { id } }`,
      { token: tokens.admin },
    )
    expect(JSON.stringify(graphDelete.body.errors ?? [])).toMatch(/not allowed/i)

    const local = (run: () => Promise<unknown>) =>
      run().then(
        () => 'done',
        (error: { status?: number }) => error.status,
      )
    const admin = users.admin as never
    await expect(
      local(() =>
        ctx.payload.create({
          collection: 'activity',
          data: entry as never,
          overrideAccess: false,
          user: admin,
        }),
      ),
    ).resolves.toBe(403)
    await expect(
      local(() =>
        ctx.payload.update({
          collection: 'activity',
          data: { detail: 'x' },
          id: entryId,
          overrideAccess: false,
          user: admin,
        }),
      ),
    ).resolves.toBe(403)
    await expect(
      local(() =>
        ctx.payload.delete({
          collection: 'activity',
          id: entryId,
          overrideAccess: false,
          user: admin,
        }),
      ),
    ).resolves.toBe(403)
    const stored = await ctx.payload.findByID({ collection: 'activity', id: entryId })
    expect(stored.detail ?? null).toBeNull()
  })

  it('anonymous readers and writers cannot read it; editors and admins can', async () => {
    expect((await rest.get('/api/activity')).status).toBe(403)
    expect((await rest.get('/api/activity', { token: tokens.writer })).status).toBe(403)
    expect((await rest.get(`/api/activity/${entryId}`, { token: tokens.writer })).status).toBe(403)
    const graphed = await rest.graphql('{ Activities { docs { id action } } }', {
      token: tokens.writer,
    })
    expect(graphed.body.data?.Activities ?? null).toBeNull()
    for (const token of [tokens.editor, tokens.admin]) {
      const read = await rest.get('/api/activity', { token })
      expect(read.status).toBe(200)
      expect(read.body.totalDocs).toBeGreaterThan(0)
    }
  })

  it('filters by person and by story, as the admin’s list does', async () => {
    const a = await rest.post('/api/articles?draft=true', {
      body: { headline: 'Filter story A' },
      token: tokens.writer,
    })
    const b = await rest.post('/api/articles?draft=true', {
      body: { headline: 'Filter story B' },
      token: tokens.editor,
    })
    const byStory = await rest.get(
      `/api/activity?depth=0&where[recordId][equals]=${a.body.doc.id}&where[recordCollection][equals]=articles`,
      { token: tokens.editor },
    )
    expect(byStory.status).toBe(200)
    expect(byStory.body.docs.map((entry: Entry) => entry.recordTitle)).toEqual(['Filter story A'])
    const byPerson = await rest.get(
      `/api/activity?depth=0&limit=100&where[actor][equals]=${ids.editor}`,
      { token: tokens.editor },
    )
    const titles = byPerson.body.docs.map((entry: Entry) => entry.recordTitle)
    expect(titles).toContain('Filter story B')
    expect(titles).not.toContain('Filter story A')
    expect(byPerson.body.docs.every((entry: Entry) => actorId(entry) === ids.editor)).toBe(true)
    // The admin's search box looks in the record's title.
    const searched = await rest.get(
      `/api/activity?depth=0&where[recordTitle][like]=${encodeURIComponent('Filter story B')}`,
      { token: tokens.admin },
    )
    expect(searched.body.docs.map((entry: Entry) => entry.recordTitle)).toEqual(['Filter story B'])
    expect(b.status).toBe(201)
  })
})
