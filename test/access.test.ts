import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { getPayload } from 'payload'

import { failingFields } from './helpers/errors'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { clockPast } from './helpers/clock'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'
import { waitFor } from './helpers/waitFor'

/**
 * Who may do what, through every door: REST, `?draft=true`, `where[_status]`, versions,
 * GraphQL, population from another document and joins. Refusals write nothing.
 */

// Read by the app's config when the suite starts it: the plugin's runner checks every second.
process.env.NEWSROOM_JOBS_CRON = '* * * * * *'

let ctx: TestPayload
let rest: RestClient
const tokens = { admin: '', editor: '', writer: '' }
let editorId: number | string
let writerId: number | string

/** Ids of the fixtures every door is tried against. */
const ids = {
  draft: '' as number | string,
  live: '' as number | string,
  liveWithDraft: '' as number | string,
  quote: '' as number | string,
  relatedToDraft: '' as number | string,
}

const SECRET_NOTE = 'source asked not to be named'

const asEditor = () => ({ token: tokens.editor })
const asWriter = () => ({ token: tokens.writer })

const createArticle = async (data: Record<string, unknown>) => {
  const { body, status } = await rest.post('/api/articles', { body: data, ...asEditor() })
  expect(status).toBe(201)
  return body.doc
}

const stored = (id: number | string) =>
  ctx.payload.findByID({ collection: 'articles', depth: 0, id, overrideAccess: true })

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null
    ? String((value as { id: unknown }).id)
    : String(value)

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  tokens.admin = await signIn(ctx.payload, rest, 'admin')
  tokens.editor = await signIn(ctx.payload, rest, 'editor')
  tokens.writer = await signIn(ctx.payload, rest, 'writer')
  const users = await ctx.payload.find({ collection: 'users', depth: 0, limit: 10 })
  editorId = users.docs.find((user) => user.roles?.includes('editor'))!.id
  writerId = users.docs.find((user) => user.roles?.includes('writer'))!.id

  const quote = await rest.post('/api/quotes', {
    body: {
      speaker: { name: 'Karen Musalo' },
      text: 'basically throws us back to the Dark Ages',
      verification: { notes: SECRET_NOTE, status: 'verified' },
    },
    ...asEditor(),
  })
  ids.quote = quote.body.doc.id

  ids.draft = (
    await createArticle({
      editorialNotes: SECRET_NOTE,
      headline: 'Unpublished scoop',
      quotes: [ids.quote],
    })
  ).id
  ids.live = (
    await createArticle({
      _status: 'published',
      editorialNotes: SECRET_NOTE,
      headline: 'Live story',
      quotes: [ids.quote],
    })
  ).id
  ids.liveWithDraft = (
    await createArticle({ _status: 'published', headline: 'Published headline' })
  ).id
  const newerDraft = await rest.patch(`/api/articles/${ids.liveWithDraft}?draft=true`, {
    body: { headline: 'Embargoed headline' },
    ...asEditor(),
  })
  expect(newerDraft.status).toBe(200)

  const related = await rest.post('/api/related-stories', {
    body: { article: ids.draft, headline: 'Points at the scoop' },
    ...asEditor(),
  })
  ids.relatedToDraft = related.body.doc.id
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('anonymous readers see published content only, through every door', () => {
  it('REST find lists published articles only, at their published version', async () => {
    const { body, status } = await rest.get('/api/articles?limit=50')
    expect(status).toBe(200)
    const headlines = body.docs.map((doc: { headline: string }) => doc.headline)
    expect(headlines).toEqual(expect.arrayContaining(['Live story', 'Published headline']))
    expect(headlines).not.toContain('Unpublished scoop')
    expect(headlines).not.toContain('Embargoed headline')
  })

  it('REST findByID of a draft is a 404, with or without ?draft=true', async () => {
    expect((await rest.get(`/api/articles/${ids.draft}`)).status).toBe(404)
    expect((await rest.get(`/api/articles/${ids.draft}?draft=true`)).status).toBe(404)
  })

  it('?draft=true on a list or a published article never shows unpublished work', async () => {
    const list = await rest.get('/api/articles?draft=true&limit=50')
    const headlines = list.body.docs.map((doc: { headline: string }) => doc.headline)
    expect(headlines).not.toContain('Unpublished scoop')
    expect(headlines).not.toContain('Embargoed headline')
    const one = await rest.get(`/api/articles/${ids.liveWithDraft}?draft=true`)
    expect(one.status).toBe(200)
    expect(one.body.headline).toBe('Published headline')
  })

  it('where[_status][equals]=draft finds nothing', async () => {
    const { body } = await rest.get('/api/articles?where[_status][equals]=draft')
    expect(body.docs).toEqual([])
    const either = await rest.get(
      '/api/articles?where[or][0][_status][equals]=draft&where[or][1][headline][equals]=Unpublished%20scoop',
    )
    expect(either.body.docs).toEqual([])
  })

  it('the versions endpoints are closed', async () => {
    const versions = await rest.get('/api/articles/versions')
    expect([401, 403]).toContain(versions.status)
    const staff = await rest.get(
      `/api/articles/versions?where[parent][equals]=${ids.live}`,
      asEditor(),
    )
    expect(staff.status).toBe(200)
    const versionId = staff.body.docs[0].id
    expect([401, 403, 404]).toContain(
      (await rest.get(`/api/articles/versions/${versionId}`)).status,
    )
  })

  it('GraphQL, with draft: true, lists published articles only and refuses versions', async () => {
    const { body } = await rest.graphql(
      '{ Articles(draft: true, limit: 50) { docs { headline editorialNotes } } }',
    )
    const headlines = body.data.Articles.docs.map((doc: { headline: string }) => doc.headline)
    expect(headlines).not.toContain('Unpublished scoop')
    expect(headlines).not.toContain('Embargoed headline')
    for (const doc of body.data.Articles.docs) {
      expect(doc.editorialNotes).toBeNull()
    }
    const single = await rest.graphql(
      `{ Article(id: ${JSON.stringify(ids.draft)}, draft: true) { headline } }`,
    )
    expect(single.body.data?.Article ?? null).toBeNull()
    const versions = await rest.graphql('{ versionsArticles { docs { version { headline } } } }')
    expect(versions.body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(versions.body.data ?? {})).not.toContain('Unpublished scoop')
  })

  it('a published related story does not populate the unpublished article it points at', async () => {
    // Readers see a related story only while a live story lists it.
    await createArticle({
      _status: 'published',
      headline: 'Lists the pointer',
      relatedCoverage: [ids.relatedToDraft],
    })
    const { body, status } = await rest.get(`/api/related-stories/${ids.relatedToDraft}?depth=2`)
    expect(status).toBe(200)
    expect(JSON.stringify(body)).not.toContain('Unpublished scoop')
    expect(typeof body.article === 'object' && body.article !== null).toBe(false)
  })

  it('joins on quotes list published articles only', async () => {
    const { body } = await rest.get(`/api/quotes/${ids.quote}`)
    const listed = body.articles.docs.map(idOf)
    expect(listed).toContain(String(ids.live))
    expect(listed).not.toContain(String(ids.draft))
  })

  it('internal fields stay out at any depth', async () => {
    const quote = await rest.get(`/api/quotes/${ids.quote}`)
    expect(quote.body.verification).not.toHaveProperty('notes')
    const { body } = await rest.get(`/api/articles/${ids.live}?depth=2`)
    expect(body).not.toHaveProperty('editorialNotes')
    expect(JSON.stringify(body)).not.toContain(SECRET_NOTE)
    const staff = await rest.get(`/api/articles/${ids.live}?depth=2`, asWriter())
    expect(staff.body.editorialNotes).toBe(SECRET_NOTE)
    expect(staff.body.quotes[0].verification.notes).toBe(SECRET_NOTE)
  })

  it('cannot write anything', async () => {
    const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
    expect([401, 403]).toContain(
      (await rest.post('/api/articles', { body: { headline: 'x' } })).status,
    )
    expect([401, 403]).toContain(
      (await rest.patch(`/api/articles/${ids.live}`, { body: { headline: 'Defaced' } })).status,
    )
    expect([401, 403]).toContain((await rest.delete(`/api/articles/${ids.live}`)).status)
    expect([401, 403]).toContain(
      (await rest.post('/api/quotes', { body: { speaker: { name: 'x' }, text: 'x' } })).status,
    )
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
    expect((await stored(ids.live)).headline).toBe('Live story')
  })
})

describe('writers', () => {
  it('draft articles and read drafts', async () => {
    const created = await rest.post('/api/articles', {
      body: { headline: 'Writer draft' },
      ...asWriter(),
    })
    expect(created.status).toBe(201)
    expect(created.body.doc._status).toBe('draft')
    expect((await rest.get(`/api/articles/${ids.draft}`, asWriter())).status).toBe(200)
  })

  it('cannot publish, on create or on update', async () => {
    const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
    const create = await rest.post('/api/articles', {
      body: { _status: 'published', headline: 'Sneaked out' },
      ...asWriter(),
    })
    expect(create.status).toBe(403)
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)

    const publish = await rest.patch(`/api/articles/${ids.draft}`, {
      body: { _status: 'published' },
      ...asWriter(),
    })
    expect(publish.status).toBe(403)
    expect((await stored(ids.draft))._status).toBe('draft')
  })

  it('save drafts of a live story without changing what readers see', async () => {
    const draft = await rest.patch(`/api/articles/${ids.live}?draft=true`, {
      body: { headline: 'Live story, rewritten' },
      ...asWriter(),
    })
    expect(draft.status).toBe(200)
    const publicView = await rest.get(`/api/articles/${ids.live}`)
    expect(publicView.body.headline).toBe('Live story')
  })

  it('cannot change a live story in place, or unpublish it', async () => {
    const live = await rest.patch(`/api/articles/${ids.live}`, {
      body: { headline: 'Changed live' },
      ...asWriter(),
    })
    expect(live.status).toBe(403)
    const unpublish = await rest.patch(`/api/articles/${ids.live}`, {
      body: { _status: 'draft' },
      ...asWriter(),
    })
    expect(unpublish.status).toBe(403)
    const after = await stored(ids.live)
    expect(after._status).toBe('published')
    expect(after.headline).toBe('Live story')
  })

  it('cannot delete published work, but may delete a never-published draft', async () => {
    const refused = await rest.delete(`/api/articles/${ids.live}`, asWriter())
    expect([403, 404]).toContain(refused.status)
    expect((await stored(ids.live)).id).toBeDefined()

    const own = await rest.post('/api/articles', {
      body: { headline: 'Spiked idea' },
      ...asWriter(),
    })
    expect((await rest.delete(`/api/articles/${own.body.doc.id}`, asWriter())).status).toBe(200)
  })

  it('cannot add corrections', async () => {
    const { status } = await rest.patch(`/api/articles/${ids.live}`, {
      body: { corrections: [{ text: 'We got it wrong.', type: 'correction' }] },
      ...asWriter(),
    })
    expect(status).toBe(403)
    expect((await stored(ids.live)).corrections ?? []).toEqual([])
  })

  it('cannot change roles, their own included', async () => {
    const own = await rest.patch(`/api/users/${writerId}`, {
      body: { roles: ['admin'] },
      ...asWriter(),
    })
    expect(own.status).toBe(403)
    const user = await ctx.payload.findByID({ collection: 'users', id: writerId })
    expect(user.roles).toEqual(['writer'])
  })

  it('create quotes, cases and related stories, but do not delete them', async () => {
    const quote = await rest.post('/api/quotes', {
      body: { speaker: { name: 'A source' }, text: 'On the record.' },
      ...asWriter(),
    })
    expect(quote.status).toBe(201)
    expect(
      (await rest.post('/api/cases', { body: { caption: 'Matter of W-' }, ...asWriter() })).status,
    ).toBe(201)
    expect(
      (
        await rest.post('/api/related-stories', {
          body: { headline: 'Elsewhere', url: 'https://example.com/x' },
          ...asWriter(),
        })
      ).status,
    ).toBe(201)
    expect((await rest.delete(`/api/quotes/${quote.body.doc.id}`, asWriter())).status).toBe(403)
  })
})

describe('editors', () => {
  it('publish and unpublish; firstPublishedAt is set once and never moves', async () => {
    const article = await createArticle({ headline: 'Editor publishes' })
    const published = await rest.patch(`/api/articles/${article.id}`, {
      body: { _status: 'published' },
      ...asEditor(),
    })
    expect(published.status).toBe(200)
    const first = published.body.doc.firstPublishedAt
    expect(typeof first).toBe('string')
    expect((await rest.get(`/api/articles/${article.id}`)).status).toBe(200)

    const unpublished = await rest.patch(`/api/articles/${article.id}`, {
      body: { _status: 'draft' },
      ...asEditor(),
    })
    expect(unpublished.status).toBe(200)
    expect((await rest.get(`/api/articles/${article.id}`)).status).toBe(404)

    // Let the clock move so a re-stamp would show.
    await clockPast(first)
    const again = await rest.patch(`/api/articles/${article.id}`, {
      body: { _status: 'published' },
      ...asEditor(),
    })
    expect(again.body.doc.firstPublishedAt).toBe(first)
  })

  it('add corrections only after first publish', async () => {
    const { body, status } = await rest.patch(`/api/articles/${ids.draft}`, {
      body: { corrections: [{ text: 'Too early.', type: 'correction' }] },
      ...asEditor(),
    })
    expect(status).toBe(400)
    expect(failingFields(body)).toContain('corrections')
    expect((await stored(ids.draft)).corrections ?? []).toEqual([])
  })

  it('append corrections with a server timestamp; they are public and move the modified date', async () => {
    const before = await stored(ids.live)
    // Let the clock move so that the new stamps can be later than the last.
    await clockPast(before.updatedAt)
    const { body, status } = await rest.patch(`/api/articles/${ids.live}`, {
      body: {
        _status: 'published',
        corrections: [
          {
            at: '1999-01-01T00:00:00.000Z',
            text: 'An earlier version misstated the year.',
            type: 'correction',
          },
        ],
      },
      ...asEditor(),
    })
    expect(status).toBe(200)
    const [entry] = body.doc.corrections
    expect(entry.text).toBe('An earlier version misstated the year.')
    expect(Date.parse(entry.at)).toBeGreaterThan(Date.parse(before.updatedAt))
    expect(Date.parse(body.doc.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt))

    const publicView = await rest.get(`/api/articles/${ids.live}`)
    expect(publicView.body.corrections.map((c: { type: string }) => c.type)).toEqual(['correction'])
  })

  it('cannot edit or remove a correction once made; a change is a new entry', async () => {
    const current = (await stored(ids.live)).corrections!
    const edited = await rest.patch(`/api/articles/${ids.live}`, {
      body: { corrections: [{ ...current[0], text: 'Quietly reworded.' }] },
      ...asEditor(),
    })
    expect(edited.status).toBe(400)
    expect(failingFields(edited.body)).toContain('corrections')
    const removed = await rest.patch(`/api/articles/${ids.live}`, {
      body: { corrections: [] },
      ...asEditor(),
    })
    expect(removed.status).toBe(400)
    expect((await stored(ids.live)).corrections!.map((c) => c.text)).toEqual([
      'An earlier version misstated the year.',
    ])

    const appended = await rest.patch(`/api/articles/${ids.live}`, {
      body: {
        corrections: [
          ...current,
          { text: 'Clarified who wrote the letter.', type: 'clarification' },
        ],
      },
      ...asEditor(),
    })
    expect(appended.status).toBe(200)
    expect(appended.body.doc.corrections.map((c: { type: string }) => c.type)).toEqual([
      'correction',
      'clarification',
    ])
  })

  it('cannot manage users or roles', async () => {
    expect(
      (
        await rest.post('/api/users', {
          body: {
            email: 'new@newsroom.test',
            name: 'New',
            password: 'x'.repeat(12),
            roles: ['writer'],
          },
          ...asEditor(),
        })
      ).status,
    ).toBe(403)
    const promote = await rest.patch(`/api/users/${writerId}`, {
      body: { roles: ['editor'] },
      ...asEditor(),
    })
    expect(promote.status).toBe(403)
    expect((await ctx.payload.findByID({ collection: 'users', id: writerId })).roles).toEqual([
      'writer',
    ])
  })

  it('delete published work', async () => {
    const article = await createArticle({ _status: 'published', headline: 'To be removed' })
    expect((await rest.delete(`/api/articles/${article.id}`, asEditor())).status).toBe(200)
    expect((await rest.get(`/api/articles/${article.id}`, asEditor())).status).toBe(404)
  })
})

describe('admins', () => {
  it('create users, change roles and delete users', async () => {
    const created = await rest.post('/api/users', {
      body: {
        email: 'intern@newsroom.test',
        name: 'Intern',
        password: 'x'.repeat(12),
        roles: ['writer'],
      },
      token: tokens.admin,
    })
    expect(created.status).toBe(201)
    const promoted = await rest.patch(`/api/users/${created.body.doc.id}`, {
      body: { roles: ['editor'] },
      token: tokens.admin,
    })
    expect(promoted.status).toBe(200)
    expect(promoted.body.doc.roles).toEqual(['editor'])
    expect(
      (await rest.delete(`/api/users/${created.body.doc.id}`, { token: tokens.admin })).status,
    ).toBe(200)
  })
})

describe('scheduled publishing', () => {
  // The plugin's own job runner, as any host gets it: Payload starts its crons for a server
  // (`cron: true`), here checking the queue every second (NEWSROOM_JOBS_CRON, set above).
  beforeAll(async () => {
    await getPayload({ config: ctx.config, cron: true })
    expect(ctx.payload.crons.length).toBeGreaterThan(0)
  })
  afterAll(() => {
    for (const cron of ctx.payload.crons) cron.stop()
  })

  // What the admin's "Schedule publish" does. Generated types say ids are numbers (they are
  // generated on SQLite); on MongoDB they are strings, so the cast is deliberate.
  const schedule = async (articleId: number | string, userId: number | string, inMs: number) =>
    ctx.payload.jobs.queue({
      input: {
        doc: { relationTo: 'articles', value: articleId as number },
        type: 'publish',
        user: { relationTo: 'users', value: userId as number },
      },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + inMs),
    })

  it('an article an editor scheduled goes live on its own at the time, and not before', async () => {
    const article = await createArticle({ headline: 'Six a.m. story' })
    const job = await schedule(article.id, editorId, 1500)
    await waitFor(async () => (await rest.get(`/api/articles/${article.id}`)).status === 200, {
      timeoutMs: 15_000,
      what: 'the scheduled article to go live',
    })
    // Not before: it was first published at or after the time it was scheduled for.
    const { firstPublishedAt } = await stored(article.id)
    expect(typeof firstPublishedAt).toBe('string')
    expect(Date.parse(firstPublishedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(String(job.waitUntil)),
    )
  })

  it('a publish a writer scheduled does not go live', async () => {
    const article = await createArticle({ headline: 'Writer tried to schedule' })
    const job = await schedule(article.id, writerId, 100)
    // The runner has taken the job once it was tried (or, had it run through, deleted it).
    await waitFor(
      async () => {
        const { docs } = await ctx.payload.find({
          collection: 'payload-jobs',
          where: { id: { equals: job.id } },
        })
        return docs.length === 0 || (Number(docs[0].totalTried) > 0 && !docs[0].processing)
      },
      { timeoutMs: 15_000, what: "the runner to try the writer's scheduled publish" },
    )
    expect((await stored(article.id))._status).toBe('draft')
  })
})
