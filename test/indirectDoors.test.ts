import type { PayloadRequest } from 'payload'

import type { Id } from '../src/documents'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import crypto from 'node:crypto'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createLocalReq } from 'payload'
import sharp from 'sharp'

import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn, TEST_PASSWORD } from './helpers/users'

/**
 * The rules through the indirect doors: the records a live story shows, an editor's edit over a
 * writer's pending draft, timestamps, duplicates, restores, scheduled jobs and accounts. Each
 * test is a finding that once went the other way.
 */

let ctx: TestPayload
let rest: RestClient
const tokens = { admin: '', editor: '', writer: '' }
const users = { admin: '' as Id, editor: '' as Id, writer: '' as Id }

const as = (role: keyof typeof tokens) => ({ token: tokens[role] })

const stored = (
  collection: 'articles' | 'cases' | 'media' | 'quotes' | 'related-stories',
  id: Id,
) => ctx.payload.findByID({ collection, depth: 0, id, overrideAccess: true }) as Promise<any>

const created = async (
  path: string,
  body: Record<string, unknown>,
  role: keyof typeof tokens = 'editor',
) => {
  const response = await rest.post(path, { body, ...as(role) })
  expect(response.status).toBe(201)
  return response.body.doc
}

const uploadImage = async (alt: string) => {
  const png = await sharp({
    create: { background: '#808080', channels: 3, height: 20, width: 30 },
  })
    .png()
    .toBuffer()
  const formData = new FormData()
  formData.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${alt}.png`)
  formData.append('_payload', JSON.stringify({ alt }))
  const response = await rest.post('/api/media', { formData, ...as('editor') })
  expect(response.status).toBe(201)
  return response.body.doc
}

/** A published story showing a quote, a case, a related story and a hero image of its own. */
const liveStory = async (name: string) => {
  const quote = await created('/api/quotes', {
    speaker: { name: `Source ${name}` },
    text: `What ${name} said`,
  })
  const legalCase = await created('/api/cases', {
    caption: `Matter of ${name}`,
    citation: '1 I&N Dec. 1 (BIA 2000)',
    decidedBy: 'Board of Immigration Appeals',
  })
  const related = await created('/api/related-stories', {
    headline: `Earlier on ${name}`,
    url: 'https://news.example/earlier',
  })
  const image = await uploadImage(`Photo of ${name}`)
  const article = await created('/api/articles', {
    _status: 'published',
    cases: [legalCase.id],
    headline: `Story about ${name}`,
    hero: { image: image.id },
    quotes: [quote.id],
    relatedCoverage: [related.id],
  })
  return { article, image, legalCase, quote, related }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  for (const role of ['admin', 'editor', 'writer'] as const) {
    tokens[role] = await signIn(ctx.payload, rest, role)
    const me = await rest.get('/api/users/me', as(role))
    users[role] = me.body.user.id
  }
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('what a live story shows changes for readers only through an editor', () => {
  it('a writer cannot rewrite a live quote, case, related link or image', async () => {
    const story = await liveStory('writer-edits')
    const attempts = [
      ['quotes', story.quote.id, { text: 'Words she never said' }, 'text'],
      ['cases', story.legalCase.id, { holding: 'A holding the court never gave' }, 'holding'],
      ['related-stories', story.related.id, { url: 'https://any.site/' }, 'url'],
      ['media', story.image.id, { alt: 'A different picture' }, 'alt'],
    ] as const
    for (const [collection, id, data, field] of attempts) {
      const before = (await stored(collection, id))[field]
      const response = await rest.patch(`/api/${collection}/${id}`, { body: data, ...as('writer') })
      expect([collection, response.status]).toEqual([collection, 403])
      expect((await stored(collection, id))[field]).toEqual(before)
    }
    // GraphQL is the same door.
    const graphql = await rest.graphql(
      `mutation { updateQuote(id: ${JSON.stringify(story.quote.id)}, data: { text: "Rewritten" }) { text } }`,
      as('writer'),
    )
    expect(graphql.body.errors?.length).toBeGreaterThan(0)
    expect((await stored('quotes', story.quote.id)).text).toBe('What writer-edits said')
    // The delivery API still shows the words as published.
    const delivered = await rest.get(`/api/articles/delivery/${story.article.slug}`)
    expect(delivered.body.quotes.map((quote: { text: string }) => quote.text)).toEqual([
      'What writer-edits said',
    ])
  })

  it('an editor can, and readers see the change', async () => {
    const story = await liveStory('editor-edits')
    const response = await rest.patch(`/api/quotes/${story.quote.id}`, {
      body: { text: 'What editor-edits said, as corrected' },
      ...as('editor'),
    })
    expect(response.status).toBe(200)
    const delivered = await rest.get(`/api/articles/delivery/${story.article.slug}`)
    expect(delivered.body.quotes[0].text).toBe('What editor-edits said, as corrected')
  })

  it('a writer still edits what no live story shows, and again once the story is unpublished', async () => {
    const quote = await created('/api/quotes', { speaker: { name: 'Draft source' }, text: 'First' })
    await created('/api/articles', { headline: 'A draft using it', quotes: [quote.id] })
    const draftOnly = await rest.patch(`/api/quotes/${quote.id}`, {
      body: { text: 'Second' },
      ...as('writer'),
    })
    expect(draftOnly.status).toBe(200)

    const story = await liveStory('unpublished-later')
    const unpublish = await rest.patch(`/api/articles/${story.article.id}`, {
      body: { _status: 'draft' },
      ...as('editor'),
    })
    expect(unpublish.status).toBe(200)
    const released = await rest.patch(`/api/quotes/${story.quote.id}`, {
      body: { text: 'Back in the writer’s hands' },
      ...as('writer'),
    })
    expect(released.status).toBe(200)
  })

  it('readers see quotes, cases and related stories only while a live story shows them', async () => {
    const quote = await created('/api/quotes', { speaker: { name: 'Off the record' }, text: 'Shh' })
    const legalCase = await created('/api/cases', {
      caption: 'Matter of Not-Yet',
      decidedBy: 'Board of Immigration Appeals',
    })
    const related = await created('/api/related-stories', {
      headline: 'Not yet linked',
      url: 'https://news.example/not-yet',
    })
    const draft = await created('/api/articles', {
      cases: [legalCase.id],
      headline: 'Embargoed',
      quotes: [quote.id],
      relatedCoverage: [related.id],
    })
    for (const [collection, id] of [
      ['quotes', quote.id],
      ['cases', legalCase.id],
      ['related-stories', related.id],
    ] as const) {
      expect([collection, (await rest.get(`/api/${collection}/${id}`)).status]).toEqual([
        collection,
        404,
      ])
      const list = await rest.get(`/api/${collection}?limit=100&depth=0`)
      expect(list.body.docs.map((doc: { id: Id }) => String(doc.id))).not.toContain(String(id))
    }
    const graphql = await rest.graphql('{ Quotes(limit: 100) { docs { id } } }')
    expect(graphql.body.data.Quotes.docs.map((doc: { id: Id }) => String(doc.id))).not.toContain(
      String(quote.id),
    )

    await rest.patch(`/api/articles/${draft.id}`, {
      body: { _status: 'published' },
      ...as('editor'),
    })
    expect((await rest.get(`/api/quotes/${quote.id}`)).status).toBe(200)
    expect((await rest.get(`/api/cases/${legalCase.id}`)).status).toBe(200)
    expect((await rest.get(`/api/related-stories/${related.id}`)).status).toBe(200)
  })
})

describe('verification is an editor’s call, stamped by the server', () => {
  it('a writer cannot clear a disputed quote, nor say who verified it', async () => {
    const quote = await created('/api/quotes', {
      speaker: { name: 'Disputed source' },
      text: 'A contested line',
      verification: { status: 'disputed' },
    })
    const response = await rest.patch(`/api/quotes/${quote.id}`, {
      body: { verification: { status: 'verified', verifiedBy: users.editor } },
      ...as('writer'),
    })
    expect(response.status).toBe(200)
    const after = await stored('quotes', quote.id)
    expect(after.verification.status).toBe('disputed')
    expect(String(after.verification.verifiedBy)).toBe(String(users.editor))
  })

  it('an editor’s change of status records that editor and the time, whatever the client sends', async () => {
    const quote = await created(
      '/api/quotes',
      { speaker: { name: 'Checked' }, text: 'Fact' },
      'writer',
    )
    expect((await stored('quotes', quote.id)).verification.verifiedBy ?? null).toBeNull()
    const before = Date.now()
    const response = await rest.patch(`/api/quotes/${quote.id}`, {
      body: {
        verification: {
          status: 'verified',
          verifiedAt: '1999-01-01T00:00:00.000Z',
          verifiedBy: users.writer,
        },
      },
      ...as('editor'),
    })
    expect(response.status).toBe(200)
    const after = await stored('quotes', quote.id)
    expect(after.verification.status).toBe('verified')
    expect(String(after.verification.verifiedBy)).toBe(String(users.editor))
    expect(Date.parse(after.verification.verifiedAt)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('a writer’s new quote starts unverified, whatever it claims', async () => {
    const quote = await created(
      '/api/quotes',
      { speaker: { name: 'Eager' }, text: 'Trust me', verification: { status: 'verified' } },
      'writer',
    )
    expect((await stored('quotes', quote.id)).verification.status).toBe('unverified')
  })
})

describe('no edit takes a story offline, nor publishes a pending draft', () => {
  it('an editor’s one-field edit over a writer’s draft keeps the live story live', async () => {
    const article = await created('/api/articles', {
      _status: 'published',
      dek: 'The published dek',
      headline: 'The published headline',
    })
    const draft = await rest.patch(`/api/articles/${article.id}?draft=true`, {
      body: { headline: 'A writer’s unreviewed headline' },
      ...as('writer'),
    })
    expect(draft.status).toBe(200)

    const edit = await rest.patch(`/api/articles/${article.id}`, {
      body: { dek: 'The editor’s dek' },
      ...as('editor'),
    })
    expect(edit.status).toBe(200)
    const live = await rest.get(`/api/articles/${article.id}`)
    expect(live.status).toBe(200)
    expect(live.body).toMatchObject({
      _status: 'published',
      dek: 'The editor’s dek',
      headline: 'The published headline',
    })
    expect((await rest.get(`/api/articles/delivery/${article.slug}`)).status).toBe(200)
  })

  it('so does an editor’s correction added through the API', async () => {
    const article = await created('/api/articles', {
      _status: 'published',
      headline: 'Corrected later',
    })
    await rest.patch(`/api/articles/${article.id}?draft=true`, {
      body: { headline: 'Draft over it' },
      ...as('writer'),
    })
    const correction = await rest.patch(`/api/articles/${article.id}`, {
      body: {
        corrections: [{ text: 'An earlier version misspelled a name.', type: 'correction' }],
      },
      ...as('editor'),
    })
    expect(correction.status).toBe(200)
    const live = await rest.get(`/api/articles/${article.id}`)
    expect(live.body._status).toBe('published')
    expect(live.body.headline).toBe('Corrected later')
    expect(live.body.corrections.map((entry: { text: string }) => entry.text)).toEqual([
      'An earlier version misspelled a name.',
    ])
  })

  it('unpublishing still works when asked for', async () => {
    const article = await created('/api/articles', { _status: 'published', headline: 'Pulled' })
    const response = await rest.patch(`/api/articles/${article.id}`, {
      body: { _status: 'draft' },
      ...as('editor'),
    })
    expect(response.status).toBe(200)
    expect((await rest.get(`/api/articles/${article.id}`)).status).toBe(404)
  })
})

describe('server-owned timestamps take no value from clients', () => {
  it('a client’s createdAt and updatedAt are ignored, and reads keep working', async () => {
    const article = await created('/api/articles', { _status: 'published', headline: 'Timed' })
    const before = await stored('articles', article.id)
    const response = await rest.patch(`/api/articles/${article.id}`, {
      body: { createdAt: 'x', updatedAt: 'not a date' },
      ...as('editor'),
    })
    expect(response.status).toBeLessThan(500)
    expect((await stored('articles', article.id)).createdAt).toBe(before.createdAt)
    expect((await rest.get('/api/articles?limit=100')).status).toBe(200)

    const quote = await created('/api/quotes', {
      createdAt: '2001-01-01T00:00:00.000Z',
      speaker: { name: 'Backdated' },
      text: 'Long ago',
    })
    expect(Date.parse((await stored('quotes', quote.id)).createdAt)).toBeGreaterThan(
      Date.parse('2020-01-01'),
    )
  })
})

describe('a duplicate is a new, unpublished story', () => {
  it('starts with no publishing dates or corrections, and its writer may delete it', async () => {
    const original = await created('/api/articles', {
      _status: 'published',
      headline: 'Published in the past',
    })
    await rest.patch(`/api/articles/${original.id}`, {
      body: { corrections: [{ text: 'A name was misspelled.', type: 'correction' }] },
      ...as('editor'),
    })
    const copy = await rest.post(`/api/articles/${original.id}/duplicate`, as('writer'))
    expect(copy.status).toBe(200)
    const stored_ = await stored('articles', copy.body.doc.id)
    expect(stored_._status).toBe('draft')
    expect(stored_.firstPublishedAt ?? null).toBeNull()
    expect(stored_.publishedAt ?? null).toBeNull()
    expect(stored_.corrections ?? []).toEqual([])
    const removed = await rest.delete(`/api/articles/${copy.body.doc.id}`, as('writer'))
    expect(removed.status).toBe(200)
  })
})

describe('a quote disputed after publication', () => {
  it('leaves the story correctable, and still blocks publishing another story with it', async () => {
    const story = await liveStory('disputed-later')
    const dispute = await rest.patch(`/api/quotes/${story.quote.id}`, {
      body: { verification: { status: 'disputed' } },
      ...as('editor'),
    })
    expect(dispute.status).toBe(200)
    const correction = await rest.patch(`/api/articles/${story.article.id}`, {
      body: {
        corrections: [
          { text: 'A quotation attributed to the source is disputed.', type: 'update' },
        ],
      },
      ...as('editor'),
    })
    expect(correction.status).toBe(200)
    expect((await stored('articles', story.article.id))._status).toBe('published')

    const another = await rest.post('/api/articles', {
      body: { _status: 'published', headline: 'Reuses it', quotes: [story.quote.id] },
      ...as('editor'),
    })
    expect(another.status).toBe(400)
    expect(JSON.stringify(another.body)).toContain('disputed')
  })
})

describe('restoring a version', () => {
  it('brings back the older text and keeps the corrections made since', async () => {
    const article = await created('/api/articles', {
      _status: 'published',
      headline: 'First headline',
    })
    await rest.patch(`/api/articles/${article.id}`, {
      body: { headline: 'Second headline' },
      ...as('editor'),
    })
    await rest.patch(`/api/articles/${article.id}`, {
      body: { corrections: [{ text: 'The headline was changed.', type: 'update' }] },
      ...as('editor'),
    })
    const versions = await ctx.payload.findVersions({
      collection: 'articles',
      depth: 0,
      sort: 'createdAt',
      where: { parent: { equals: article.id } },
    })
    const first = versions.docs.find(
      (version) => (version.version as { headline?: string }).headline === 'First headline',
    )!
    const restore = await rest.post(`/api/articles/versions/${first.id}`, as('editor'))
    expect(restore.status).toBe(200)
    const after = await stored('articles', article.id)
    expect(after.headline).toBe('First headline')
    expect(after.corrections.map((entry: { text: string }) => entry.text)).toEqual([
      'The headline was changed.',
    ])
  })
})

describe('the job queue is the editors’', () => {
  const requestFor = async (role: 'editor' | 'writer'): Promise<PayloadRequest> => {
    const user = await ctx.payload.findByID({ collection: 'users', depth: 0, id: users[role] })
    return createLocalReq({ user: { ...user, collection: 'users' } as never }, ctx.payload)
  }

  it('a writer cannot cancel an editor’s scheduled publish through the admin’s action', async () => {
    const article = await created('/api/articles', { headline: 'Scheduled for dawn' })
    const job = await ctx.payload.jobs.queue({
      input: {
        doc: { relationTo: 'articles', value: article.id as number },
        type: 'publish',
        user: { relationTo: 'users', value: users.editor as number },
      },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 3_600_000),
    })
    const attempt = {
      type: 'publish' as const,
      date: new Date(Date.now() + 7_200_000),
      deleteID: job.id,
      doc: { relationTo: 'articles' as const, value: article.id },
    }
    // What the admin's server action passes on, for each role.
    const action = async (role: 'editor' | 'writer') =>
      schedulePublishHandler({ ...attempt, req: await requestFor(role) } as Parameters<
        typeof schedulePublishHandler
      >[0])
    await action('writer')
    const stillThere = await ctx.payload.find({
      collection: 'payload-jobs',
      where: { id: { equals: job.id } },
    })
    expect(stillThere.docs).toHaveLength(1)

    await action('editor')
    const gone = await ctx.payload.find({
      collection: 'payload-jobs',
      where: { id: { equals: job.id } },
    })
    expect(gone.docs).toHaveLength(0)
  })

  it('a writer cannot run the queue', async () => {
    expect([401, 403]).toContain((await rest.get('/api/payload-jobs/run', as('writer'))).status)
    expect([401, 403]).toContain((await rest.get('/api/payload-jobs/run')).status)
  })
})

describe('accounts', () => {
  it('colleagues see each other’s names, not their email addresses', async () => {
    const list = await rest.get('/api/users?limit=100', as('writer'))
    expect(list.status).toBe(200)
    const others = list.body.docs.filter(
      (user: { id: Id }) => String(user.id) !== String(users.writer),
    )
    expect(others.length).toBeGreaterThan(0)
    for (const user of others) {
      expect(user.name).toEqual(expect.any(String))
      expect(user).not.toHaveProperty('email')
    }
    const me = await rest.get('/api/users/me', as('writer'))
    expect(me.body.user.email).toEqual(expect.stringContaining('@newsroom.test'))
    const admin = await rest.get('/api/users?limit=100', as('admin'))
    expect(admin.body.docs.every((user: { email?: string }) => Boolean(user.email))).toBe(true)
  })

  it('passwords have at least 12 characters', async () => {
    const response = await rest.post('/api/users', {
      body: { email: 'short@newsroom.test', name: 'Short', password: 'abc', roles: ['writer'] },
      ...as('admin'),
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('password')
    expect(JSON.stringify(response.body)).toContain('12')
  })

  it('changing your own password takes the current one, and ends your other sessions', async () => {
    const email = `changer-${Date.now()}@newsroom.test`
    const account = await ctx.payload.create({
      collection: 'users',
      data: { email, name: 'Changer', password: TEST_PASSWORD, roles: ['writer'] },
    })
    const here = await rest.login(email, TEST_PASSWORD)
    const elsewhere = await rest.login(email, TEST_PASSWORD)
    const newPassword = 'an entirely new passphrase'

    const without = await rest.patch(`/api/users/${account.id}`, {
      body: { password: newPassword },
      token: here,
    })
    expect(without.status).toBe(400)
    expect(JSON.stringify(without.body)).toContain('currentPassword')
    const wrong = await rest.patch(`/api/users/${account.id}`, {
      body: { currentPassword: 'not it at all', password: newPassword },
      token: here,
    })
    expect(wrong.status).toBe(400)
    await expect(rest.login(email, TEST_PASSWORD)).resolves.toEqual(expect.any(String))

    const changed = await rest.patch(`/api/users/${account.id}`, {
      body: { currentPassword: TEST_PASSWORD, password: newPassword },
      token: here,
    })
    expect(changed.status).toBe(200)
    expect((await rest.get('/api/users/me', { token: elsewhere })).body.user).toBeNull()
    expect((await rest.get('/api/users/me', { token: here })).body.user?.email).toBe(email)
    await expect(rest.login(email, newPassword)).resolves.toEqual(expect.any(String))
  })

  it('a failed sign-in reads the same whether or not the address has an account', async () => {
    const email = `known-${Date.now()}@newsroom.test`
    await ctx.payload.create({
      collection: 'users',
      data: { email, name: 'Known', password: TEST_PASSWORD, roles: ['writer'] },
    })
    // The password hashes each sign-in computes (iterations of each), counted, not timed.
    const attempt = async (address: string) => {
      const hashes: number[] = []
      const original = crypto.pbkdf2
      const spy = jest.spyOn(crypto, 'pbkdf2').mockImplementation(((...args: unknown[]) => {
        hashes.push(args[2] as number)
        return (original as (...all: unknown[]) => void).apply(crypto, args)
      }) as typeof crypto.pbkdf2)
      try {
        const response = await rest.post('/api/users/login', {
          body: { email: address, password: 'wrong guess entirely' },
        })
        return { ...response, hashes }
      } finally {
        spy.mockRestore()
      }
    }
    const unknown = await attempt(`nobody-${Date.now()}@newsroom.test`)
    const wrong = await attempt(email)
    expect(unknown.status).toBe(wrong.status)
    expect(unknown.body).toEqual(wrong.body)
    // Both hash the password, with the same work: neither answers sooner for want of an account.
    expect(wrong.hashes.length).toBeGreaterThan(0)
    expect(unknown.hashes).toEqual(wrong.hashes)

    // Until the account locks, and after: the same answer.
    for (let tries = 0; tries < 6; tries += 1) {
      const again = await attempt(email)
      expect(again.status).toBe(401)
      expect(again.body).toEqual(wrong.body)
    }
  })
})
