import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { startTestPayload, type TestPayload } from './helpers/payload'
import { clockPast } from './helpers/clock'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

let ctx: TestPayload
let rest: RestClient
let token: string

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  token = await signIn(ctx.payload, rest, 'admin')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

type Ref = number | string | { id: number | string } | null | undefined

/** A relationship value's id, populated or not, as a string (SQL ids are numbers, Mongo's not). */
const idOf = (value: Ref): string | undefined =>
  value === null || value === undefined
    ? undefined
    : String(typeof value === 'object' ? value.id : value)

const idsOf = (values: Ref[] | undefined): (string | undefined)[] => (values ?? []).map(idOf)

/** The field paths a REST validation error names. */
const errorPaths = (body: any): string[] =>
  (body?.errors ?? []).flatMap((error: any) =>
    (error?.data?.errors ?? []).map((fieldError: { path: string }) => fieldError.path),
  )

const unique = () => randomUUID().slice(0, 8)

/** POSTs as the signed-in admin and returns the created document, failing loudly otherwise. */
const create = async (collection: string, data: Record<string, unknown>) => {
  const response = await rest.post(`/api/${collection}`, { body: data, token })
  expect({ body: response.body, status: response.status }).toMatchObject({ status: 201 })
  return response.body.doc
}

const expectRecentDate = (value: unknown, since: number) => {
  expect(typeof value).toBe('string')
  const time = Date.parse(value as string)
  expect(time).toBeGreaterThanOrEqual(since - 1000)
  expect(time).toBeLessThanOrEqual(Date.now() + 1000)
}

describe('articles', () => {
  it('creates a draft whose slug comes from the headline, and reads it back by id', async () => {
    const created = await create('articles', { headline: 'Judge blocks rule' })
    expect(created).toMatchObject({
      _status: 'draft',
      headline: 'Judge blocks rule',
      slug: 'judge-blocks-rule',
    })
    // SQL adapters return unset dates as null, MongoDB leaves them out: neither is a date.
    expect(created.firstPublishedAt ?? null).toBeNull()
    expect(created.publishedAt ?? null).toBeNull()

    const { body, status } = await rest.get(`/api/articles/${created.id}`, { token })
    expect(status).toBe(200)
    expect(String(body.id)).toBe(String(created.id))
    expect(body).toMatchObject({
      _status: 'draft',
      headline: 'Judge blocks rule',
      slug: 'judge-blocks-rule',
    })
  })

  it('keeps a slug the editor typed instead of generating one', async () => {
    const created = await create('articles', {
      headline: 'Court hears arguments',
      slug: 'court-hears-arguments-day-one',
    })
    expect(created.slug).toBe('court-hears-arguments-day-one')
  })

  it('updates the dek with PATCH, and the change is there on the next read', async () => {
    const created = await create('articles', { headline: 'Agency revises guidance' })
    const patched = await rest.patch(`/api/articles/${created.id}`, {
      body: { dek: 'The new memo narrows who qualifies.' },
      token,
    })
    expect(patched.status).toBe(200)
    expect(patched.body.doc.dek).toBe('The new memo narrows who qualifies.')

    const { body } = await rest.get(`/api/articles/${created.id}`, { token })
    expect(body.dek).toBe('The new memo narrows who qualifies.')
    expect(body.headline).toBe('Agency revises guidance')
    expect(body.slug).toBe('agency-revises-guidance')
  })

  it('stamps firstPublishedAt and publishedAt on publish, and a later PATCH leaves firstPublishedAt alone', async () => {
    const created = await create('articles', { headline: 'Board sets new precedent' })
    expect(created.firstPublishedAt ?? null).toBeNull()

    const beforePublish = Date.now()
    const published = await rest.patch(`/api/articles/${created.id}`, {
      body: { _status: 'published' },
      token,
    })
    expect(published.status).toBe(200)
    expect(published.body.doc._status).toBe('published')
    expectRecentDate(published.body.doc.firstPublishedAt, beforePublish)
    expectRecentDate(published.body.doc.publishedAt, beforePublish)
    const { firstPublishedAt, publishedAt } = published.body.doc
    expect(publishedAt).toBe(firstPublishedAt)

    // Let the clock move so a re-stamp would show.
    await clockPast(firstPublishedAt)
    const edited = await rest.patch(`/api/articles/${created.id}`, {
      body: { dek: 'Updated with the agency response.' },
      token,
    })
    expect(edited.status).toBe(200)

    const { body } = await rest.get(`/api/articles/${created.id}`, { token })
    expect(body.dek).toBe('Updated with the agency response.')
    expect(body.firstPublishedAt).toBe(firstPublishedAt)
    expect(body.publishedAt).toBe(publishedAt)
  })

  it('does not let a client backdate or move firstPublishedAt', async () => {
    const created = await create('articles', { headline: 'Ruling takes effect' })
    const published = await rest.patch(`/api/articles/${created.id}`, {
      body: { _status: 'published' },
      token,
    })
    const { firstPublishedAt } = published.body.doc
    expect(typeof firstPublishedAt).toBe('string')

    await rest.patch(`/api/articles/${created.id}`, {
      body: { firstPublishedAt: '2001-01-01T00:00:00.000Z' },
      token,
    })
    const { body } = await rest.get(`/api/articles/${created.id}`, { token })
    expect(body.firstPublishedAt).toBe(firstPublishedAt)
  })

  it('lets an editor change a published slug, keeping the old URL as a redirect', async () => {
    const created = await create('articles', { headline: 'Appeals court rules' })
    await rest.patch(`/api/articles/${created.id}`, { body: { _status: 'published' }, token })

    const { status } = await rest.patch(`/api/articles/${created.id}`, {
      body: { slug: 'appeals-court-rules-again' },
      token,
    })
    expect(status).toBe(200)
    const reread = await rest.get(`/api/articles/${created.id}`, { token })
    expect(reread.body.slug).toBe('appeals-court-rules-again')
    const redirects = await rest.get('/api/redirects?where[from][equals]=/news/appeals-court-rules')
    expect(redirects.body.docs).toHaveLength(1)
  })

  it('keeps the published slug when the headline is edited', async () => {
    const created = await create('articles', {
      _status: 'published',
      headline: 'Senate passes bill',
    })
    expect(created.slug).toBe('senate-passes-bill')
    const edited = await rest.patch(`/api/articles/${created.id}`, {
      body: { headline: 'Senate narrowly passes bill' },
      token,
    })
    expect(edited.status).toBe(200)
    const { body } = await rest.get(`/api/articles/${created.id}`, { token })
    expect(body.headline).toBe('Senate narrowly passes bill')
    expect(body.slug).toBe('senate-passes-bill')
  })

  it('refuses a second article whose headline gives a slug already taken', async () => {
    await create('articles', { headline: 'Storm closes schools' })
    const { body, status } = await rest.post('/api/articles', {
      body: { headline: 'Storm Closes Schools!' },
      token,
    })
    expect(status).toBe(400)
    expect(errorPaths(body)).toContain('slug')
  })

  it('deletes an article, after which reading it by id is a 404', async () => {
    const created = await create('articles', { headline: 'Story to be spiked' })
    const deleted = await rest.delete(`/api/articles/${created.id}`, { token })
    expect(deleted.status).toBe(200)
    expect(String(deleted.body.doc.id)).toBe(String(created.id))

    const { status } = await rest.get(`/api/articles/${created.id}`, { token })
    expect(status).toBe(404)
  })
})

describe('quotes', () => {
  it('creates a quote with speaker, medium and verification, reads, updates and deletes it', async () => {
    const created = await create('quotes', {
      medium: 'statement',
      speaker: { name: 'Maria Lopez', organization: 'City Council', title: 'Council member' },
      text: 'We will not stop until this is fixed',
      verification: { status: 'verified' },
    })
    expect(created).toMatchObject({
      medium: 'statement',
      speaker: { name: 'Maria Lopez', organization: 'City Council', title: 'Council member' },
      text: 'We will not stop until this is fixed',
      verification: { status: 'verified' },
    })

    const read = await rest.get(`/api/quotes/${created.id}`, { token })
    expect(read.status).toBe(200)
    expect(read.body.speaker.name).toBe('Maria Lopez')
    expect(read.body.verification.status).toBe('verified')

    const patched = await rest.patch(`/api/quotes/${created.id}`, {
      body: { verification: { status: 'disputed' } },
      token,
    })
    expect(patched.status).toBe(200)
    const reread = await rest.get(`/api/quotes/${created.id}`, { token })
    expect(reread.body.verification.status).toBe('disputed')
    expect(reread.body.speaker.name).toBe('Maria Lopez')

    expect((await rest.delete(`/api/quotes/${created.id}`, { token })).status).toBe(200)
    expect((await rest.get(`/api/quotes/${created.id}`, { token })).status).toBe(404)
  })

  it('defaults to an unverified interview when medium and status are left out', async () => {
    const created = await create('quotes', {
      speaker: { name: 'A neighbor' },
      text: 'It happened so fast',
    })
    expect(created.medium).toBe('interview')
    expect(created.verification.status).toBe('unverified')
  })

  it('rejects a medium that is not one of the options', async () => {
    const { body, status } = await rest.post('/api/quotes', {
      body: { medium: 'overheard', speaker: { name: 'Someone' }, text: 'Something' },
      token,
    })
    expect(status).toBe(400)
    expect(errorPaths(body)).toContain('medium')
  })

  it('lists, on the quote, the article that uses it', async () => {
    const quote = await create('quotes', {
      speaker: { name: 'Dana Reyes' },
      text: 'The rule changes everything for families',
    })
    const other = await create('quotes', { speaker: { name: 'Unused' }, text: 'Not in any story' })
    const article = await create('articles', {
      headline: 'Families brace for rule change',
      quotes: [quote.id],
    })

    const { body, status } = await rest.get(`/api/quotes/${quote.id}`, { token })
    expect(status).toBe(200)
    expect(idsOf(body.articles.docs)).toEqual([String(article.id)])

    const unused = await rest.get(`/api/quotes/${other.id}`, { token })
    expect(unused.body.articles.docs).toEqual([])
  })
})

describe('cases', () => {
  it('creates a case with a slug from the caption, reads, updates and deletes it', async () => {
    const created = await create('cases', {
      caption: 'Matter of L-E-A-',
      citation: '27 I&N Dec. 40 (BIA 2017)',
      decidedBy: 'Board of Immigration Appeals',
    })
    expect(created).toMatchObject({
      caption: 'Matter of L-E-A-',
      slug: 'matter-of-l-e-a',
      status: 'good-law',
    })

    const read = await rest.get(`/api/cases/${created.id}`, { token })
    expect(read.status).toBe(200)
    expect(read.body.citation).toBe('27 I&N Dec. 40 (BIA 2017)')

    const patched = await rest.patch(`/api/cases/${created.id}`, {
      body: { status: 'vacated', statusNote: 'Vacated by the Attorney General.' },
      token,
    })
    expect(patched.status).toBe(200)
    const reread = await rest.get(`/api/cases/${created.id}`, { token })
    expect(reread.body).toMatchObject({
      caption: 'Matter of L-E-A-',
      status: 'vacated',
      statusNote: 'Vacated by the Attorney General.',
    })

    expect((await rest.delete(`/api/cases/${created.id}`, { token })).status).toBe(200)
    expect((await rest.get(`/api/cases/${created.id}`, { token })).status).toBe(404)
  })

  it('refuses a case that overrules itself', async () => {
    const record = await create('cases', { caption: 'Matter of Circular' })
    const { body, status } = await rest.patch(`/api/cases/${record.id}`, {
      body: { overrules: [record.id] },
      token,
    })
    expect(status).toBe(400)
    expect(errorPaths(body)).toContain('overrules')
    const stored = await rest.get(`/api/cases/${record.id}`, { token })
    expect(stored.body.overrules ?? []).toEqual([])
  })

  it('links an overruling case both ways: overrules on the later one, overruledBy on the earlier', async () => {
    const earlier = await create('cases', {
      caption: 'Matter of Earlier',
      decidedAt: '2014-08-26T00:00:00.000Z',
    })
    const bystander = await create('cases', { caption: 'Matter of Bystander' })
    const later = await create('cases', {
      caption: 'Matter of Later',
      decidedAt: '2018-06-11T00:00:00.000Z',
      overrules: [earlier.id],
    })
    expect(idsOf(later.overrules)).toEqual([String(earlier.id)])

    const { body } = await rest.get(`/api/cases/${earlier.id}`, { token })
    expect(idsOf(body.overruledBy.docs)).toEqual([String(later.id)])
    expect(idsOf(body.overrules)).toEqual([])

    const untouched = await rest.get(`/api/cases/${bystander.id}`, { token })
    expect(untouched.body.overruledBy.docs).toEqual([])
  })
})

describe('related stories', () => {
  it('points at one of our articles by id, and at a story elsewhere by url', async () => {
    const article = await create('articles', { headline: 'Our earlier story' })
    const internal = await create('related-stories', {
      article: article.id,
      headline: 'Our earlier story',
    })
    expect(idOf(internal.article)).toBe(String(article.id))
    expect(internal.url ?? null).toBeNull()

    const external = await create('related-stories', {
      headline: 'Elsewhere on the same topic',
      outlet: 'The Arizona Republic',
      url: 'https://example.com/story',
    })
    expect(external.url).toBe('https://example.com/story')
    expect(external.article ?? null).toBeNull()

    const read = await rest.get(`/api/related-stories/${internal.id}`, { token })
    expect(read.status).toBe(200)
    expect(idOf(read.body.article)).toBe(String(article.id))

    const patched = await rest.patch(`/api/related-stories/${external.id}`, {
      body: { headline: 'Elsewhere, retitled' },
      token,
    })
    expect(patched.status).toBe(200)
    expect((await rest.get(`/api/related-stories/${external.id}`, { token })).body.headline).toBe(
      'Elsewhere, retitled',
    )

    expect((await rest.delete(`/api/related-stories/${external.id}`, { token })).status).toBe(200)
    expect((await rest.get(`/api/related-stories/${external.id}`, { token })).status).toBe(404)
  })

  it('refuses an item with no target, and one with both an article and a url', async () => {
    const article = await create('articles', { headline: 'Target article' })
    const none = await rest.post('/api/related-stories', { body: { headline: 'Nowhere' }, token })
    expect(none.status).toBe(400)
    expect(errorPaths(none.body)).toEqual(expect.arrayContaining(['article', 'url']))

    const both = await rest.post('/api/related-stories', {
      body: { article: article.id, headline: 'Two places', url: 'https://example.com/x' },
      token,
    })
    expect(both.status).toBe(400)
    expect(errorPaths(both.body)).toEqual(expect.arrayContaining(['article', 'url']))
  })

  it('refuses a url that is not http(s)', async () => {
    const { body, status } = await rest.post('/api/related-stories', {
      body: { headline: 'Script link', url: 'javascript:alert(1)' },
      token,
    })
    expect(status).toBe(400)
    expect(errorPaths(body)).toContain('url')
  })

  it('keeps related coverage in the order sent, and lists the article on each item', async () => {
    const [a, b, c, spare] = await Promise.all(
      ['A', 'B', 'C', 'Spare'].map((label) =>
        create('related-stories', {
          headline: `Related ${label} ${unique()}`,
          url: `https://example.com/${label.toLowerCase()}`,
        }),
      ),
    )
    const article = await create('articles', {
      headline: 'Story with related coverage',
      relatedCoverage: [c.id, a.id, b.id],
    })
    expect(idsOf(article.relatedCoverage)).toEqual([c.id, a.id, b.id].map(String))

    const { body } = await rest.get(`/api/articles/${article.id}`, { token })
    expect(idsOf(body.relatedCoverage)).toEqual([c.id, a.id, b.id].map(String))

    for (const item of [a, b, c]) {
      const listed = await rest.get(`/api/related-stories/${item.id}`, { token })
      expect(idsOf(listed.body.listedIn.docs)).toEqual([String(article.id)])
    }
    const notListed = await rest.get(`/api/related-stories/${spare.id}`, { token })
    expect(notListed.body.listedIn.docs).toEqual([])

    // Reordering is a plain PATCH and also sticks.
    await rest.patch(`/api/articles/${article.id}`, {
      body: { relatedCoverage: [b.id, c.id, a.id] },
      token,
    })
    const reordered = await rest.get(`/api/articles/${article.id}`, { token })
    expect(idsOf(reordered.body.relatedCoverage)).toEqual([b.id, c.id, a.id].map(String))
  })
})

describe('users', () => {
  it('lets an admin create, read, rename and delete a staff account', async () => {
    const email = `reporter-${unique()}@newsroom.test`
    const password = 'a long enough password'
    const created = await rest.post('/api/users', {
      body: { email, name: 'Rita Reporter', password, roles: ['editor'] },
      token,
    })
    expect(created.status).toBe(201)
    const user = created.body.doc
    expect(user).toMatchObject({ email, name: 'Rita Reporter', roles: ['editor'] })
    expect(user).not.toHaveProperty('password')
    expect(user).not.toHaveProperty('hash')

    // The account works: its owner can sign in with the password the admin set.
    await expect(rest.login(email, password)).resolves.toEqual(expect.any(String))

    const read = await rest.get(`/api/users/${user.id}`, { token })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ email, name: 'Rita Reporter', roles: ['editor'] })

    const renamed = await rest.patch(`/api/users/${user.id}`, {
      body: { name: 'Rita R. Reporter' },
      token,
    })
    expect(renamed.status).toBe(200)
    expect((await rest.get(`/api/users/${user.id}`, { token })).body.name).toBe('Rita R. Reporter')

    expect((await rest.delete(`/api/users/${user.id}`, { token })).status).toBe(200)
    expect((await rest.get(`/api/users/${user.id}`, { token })).status).toBe(404)
    await expect(rest.login(email, password)).rejects.toThrow(/failed with 401/)
  })
})

describe('media', () => {
  it('uploads a PNG with alt text, serves it, and removes the file on delete', async () => {
    const png = await sharp({
      create: { background: '#c00', channels: 3, height: 8, width: 8 },
    })
      .png()
      .toBuffer()
    const filename = `pixel-${unique()}.png`
    const formData = new FormData()
    formData.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), filename)
    formData.append('_payload', JSON.stringify({ alt: 'A pixel' }))

    const { body, status } = await rest.post('/api/media', { formData, token })
    expect(status).toBe(201)
    const media = body.doc
    expect(media).toMatchObject({
      alt: 'A pixel',
      filename,
      height: 8,
      mimeType: 'image/png',
      width: 8,
    })
    expect(media.url).toEqual(expect.stringContaining(filename))

    const staticDir = ctx.config.collections.find((c) => c.slug === 'media')?.upload.staticDir
    const stored = path.join(staticDir as string, filename)
    expect(fs.existsSync(stored)).toBe(true)

    const served = await rest.get(new URL(media.url, 'http://localhost:3000').pathname)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')

    const read = await rest.get(`/api/media/${media.id}`, { token })
    expect(read.status).toBe(200)
    expect(read.body.alt).toBe('A pixel')

    const deleted = await rest.delete(`/api/media/${media.id}`, { token })
    expect(deleted.status).toBe(200)
    expect((await rest.get(`/api/media/${media.id}`, { token })).status).toBe(404)
    expect(fs.existsSync(stored)).toBe(false)
  })

  it('refuses an upload without alt text and keeps no file', async () => {
    const png = await sharp({
      create: { background: '#00c', channels: 3, height: 4, width: 4 },
    })
      .png()
      .toBuffer()
    const filename = `no-alt-${unique()}.png`
    const formData = new FormData()
    formData.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), filename)
    formData.append('_payload', JSON.stringify({}))

    const { body, status } = await rest.post('/api/media', { formData, token })
    expect(status).toBe(400)
    expect(errorPaths(body)).toContain('alt')
    const staticDir = ctx.config.collections.find((c) => c.slug === 'media')?.upload.staticDir
    expect(fs.existsSync(path.join(staticDir as string, filename))).toBe(false)
  })
})

describe('anonymous readers', () => {
  it('cannot create an article, and nothing is written', async () => {
    const headline = `Anonymous scoop ${unique()}`
    const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
    const { status } = await rest.post('/api/articles', { body: { headline } })
    expect([401, 403]).toContain(status)
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { headline: { equals: headline } },
    })
    expect(docs).toEqual([])
  })

  it('get a 404 for a draft by id, and the published list leaves it out', async () => {
    const draft = await create('articles', { headline: `Embargoed story ${unique()}` })
    const live = await create('articles', { _status: 'published', headline: 'Live story' })

    expect((await rest.get(`/api/articles/${draft.id}`)).status).toBe(404)
    expect((await rest.get(`/api/articles/${draft.id}?draft=true`)).status).toBe(404)
    // Staff still see it.
    expect((await rest.get(`/api/articles/${draft.id}`, { token })).status).toBe(200)

    const { body, status } = await rest.get('/api/articles?limit=100')
    expect(status).toBe(200)
    const listed = idsOf(body.docs)
    expect(listed).toContain(String(live.id))
    expect(listed).not.toContain(String(draft.id))
    expect(body.docs.every((doc: { _status: string }) => doc._status === 'published')).toBe(true)
  })

  it('do not learn of draft articles through the joins on quotes and related stories', async () => {
    const quote = await create('quotes', {
      speaker: { name: 'Source' },
      text: 'Off the record, for now',
    })
    const item = await create('related-stories', {
      headline: `Background ${unique()}`,
      url: 'https://example.com/background',
    })
    const draft = await create('articles', {
      headline: `Unannounced investigation ${unique()}`,
      quotes: [quote.id],
      relatedCoverage: [item.id],
    })
    // Readers see the quote and the related story at all only because a live story shows them.
    const live = await create('articles', {
      _status: 'published',
      headline: `Announced story ${unique()}`,
      quotes: [quote.id],
      relatedCoverage: [item.id],
    })

    const staffQuote = await rest.get(`/api/quotes/${quote.id}`, { token })
    expect(idsOf(staffQuote.body.articles.docs).sort()).toEqual(
      [String(draft.id), String(live.id)].sort(),
    )
    const anonQuote = await rest.get(`/api/quotes/${quote.id}`)
    expect(anonQuote.status).toBe(200)
    expect(idsOf(anonQuote.body.articles.docs)).toEqual([String(live.id)])

    const staffItem = await rest.get(`/api/related-stories/${item.id}`, { token })
    expect(idsOf(staffItem.body.listedIn.docs).sort()).toEqual(
      [String(draft.id), String(live.id)].sort(),
    )
    const anonItem = await rest.get(`/api/related-stories/${item.id}`)
    expect(anonItem.status).toBe(200)
    expect(idsOf(anonItem.body.listedIn.docs)).toEqual([String(live.id)])
  })

  it('see the published text, not a newer unpublished draft of it', async () => {
    const article = await create('articles', {
      _status: 'published',
      dek: 'What readers were told.',
      headline: 'Published with a pending edit',
    })
    const saved = await rest.patch(`/api/articles/${article.id}?draft=true`, {
      body: { dek: 'An unpublished rewrite.' },
      token,
    })
    expect(saved.status).toBe(200)

    for (const url of [`/api/articles/${article.id}`, `/api/articles/${article.id}?draft=true`]) {
      const { body, status } = await rest.get(url)
      expect(status).toBe(200)
      expect(body.dek).toBe('What readers were told.')
    }
    // The editor's draft is really there.
    const staff = await rest.get(`/api/articles/${article.id}?draft=true`, { token })
    expect(staff.body.dek).toBe('An unpublished rewrite.')
  })
})
