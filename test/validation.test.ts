import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { TextField } from 'payload'

import { articlesCollection } from '../collections/Articles'
import { failingFields, fieldMessage } from './helpers/errors'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

let ctx: TestPayload
let rest: RestClient
let token: string

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  token = await signIn(ctx.payload, rest, 'editor')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

const count = async (collection: 'articles' | 'related-stories') =>
  (await ctx.payload.count({ collection })).totalDocs

/** POSTs bad input and checks the 400 names the field and nothing was stored. */
const expectRejected = async (
  collection: 'articles' | 'related-stories',
  data: Record<string, unknown>,
  field: string,
) => {
  const before = await count(collection)
  const { body, status } = await rest.post(`/api/${collection}`, { body: data, token })
  expect(status).toBe(400)
  expect(failingFields(body)).toContain(field)
  expect(await count(collection)).toBe(before)
  return fieldMessage(body, field)
}

describe('articles', () => {
  it('refuses a missing headline', async () => {
    await expectRejected('articles', { dek: 'No headline here' }, 'headline')
  })

  it('refuses a headline over 300 characters', async () => {
    const message = await expectRejected('articles', { headline: 'x'.repeat(301) }, 'headline')
    expect(message).toMatch(/300/)
  })

  it('accepts a headline of exactly 300 characters', async () => {
    const { status } = await rest.post('/api/articles', {
      body: { headline: `${'y'.repeat(299)}z` },
      token,
    })
    expect(status).toBe(201)
  })

  it.each([
    ['Has Capitals'],
    ['has spaces'],
    ['double--hyphen'],
    ['-leading'],
    ['ümlaut'],
    ['semi;colon'],
  ])('refuses the malformed slug %p', async (slug) => {
    const message = await expectRejected('articles', { headline: 'Fine headline', slug }, 'slug')
    expect(message).toMatch(/lowercase/)
  })

  it('generates a slug from the headline', async () => {
    const { body, status } = await rest.post('/api/articles', {
      body: { headline: 'Judge’s ruling: 15 former judges & the “rule of law”' },
      token,
    })
    expect(status).toBe(201)
    expect(body.doc.slug).toBe('judges-ruling-15-former-judges-and-the-rule-of-law')
  })

  it('refuses a duplicate slug and keeps the first article intact', async () => {
    const first = await rest.post('/api/articles', {
      body: { headline: 'Original story', slug: 'taken-slug' },
      token,
    })
    expect(first.status).toBe(201)
    await expectRejected('articles', { headline: 'Copycat', slug: 'taken-slug' }, 'slug')
    const { body } = await rest.get(`/api/articles/${first.body.doc.id}`, { token })
    expect(body.headline).toBe('Original story')
  })

  it('refuses an update that would blank the headline, leaving the stored article as it was', async () => {
    const created = await rest.post('/api/articles', { body: { headline: 'Keep me' }, token })
    const { body, status } = await rest.patch(`/api/articles/${created.body.doc.id}`, {
      body: { dek: 'New dek', headline: '' },
      token,
    })
    expect(status).toBe(400)
    expect(failingFields(body)).toContain('headline')
    const stored = await rest.get(`/api/articles/${created.body.doc.id}`, { token })
    expect(stored.body.headline).toBe('Keep me')
    expect(stored.body.dek ?? null).toBeNull()
  })

  it('freezes a published slug for everyone when old URLs cannot redirect (redirects: false)', async () => {
    const slug = articlesCollection({ maxRelatedCoverage: 6, redirects: false }).fields.find(
      (field) => 'name' in field && field.name === 'slug',
    ) as TextField
    const validate = slug.validate as (value: string, args: object) => Promise<string | true>
    const editor = { roles: ['editor'] }
    const message = await validate('a-new-url', {
      previousValue: 'published-story',
      req: { payload: ctx.payload, user: editor },
      siblingData: { firstPublishedAt: '2026-01-01T00:00:00.000Z' },
    })
    expect(message).toMatch(/published/)
    // With redirects (the default) an editor may: the old URL follows the story.
    const withRedirects = articlesCollection({ maxRelatedCoverage: 6 }).fields.find(
      (field) => 'name' in field && field.name === 'slug',
    ) as TextField
    const allowed = await (withRedirects.validate as typeof validate)('a-new-url', {
      collectionSlug: 'articles',
      previousValue: 'published-story',
      req: { payload: ctx.payload, user: editor },
      siblingData: { firstPublishedAt: '2026-01-01T00:00:00.000Z' },
    })
    expect(allowed).toBe(true)
  })
})

describe('related stories', () => {
  let articleId: number | string

  beforeAll(async () => {
    const { body } = await rest.post('/api/articles', {
      body: { _status: 'published', headline: 'A story to point at' },
      token,
    })
    articleId = body.doc.id
  })

  it('refuses a related story with both an article and a URL', async () => {
    const message = await expectRejected(
      'related-stories',
      { article: articleId, headline: 'Both', url: 'https://example.com/story' },
      'url',
    )
    expect(message).toMatch(/not both/)
  })

  it('refuses a related story with neither an article nor a URL', async () => {
    const message = await expectRejected('related-stories', { headline: 'Neither' }, 'url')
    expect(message).toMatch(/needs a target/)
  })

  it.each([
    ['javascript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://example.com/file'],
    ['//example.com/protocol-relative'],
    ['not a url'],
  ])('refuses the non-http(s) URL %p', async (url) => {
    await expectRejected('related-stories', { headline: 'Bad link', url }, 'url')
  })

  it('accepts one target of either kind', async () => {
    const external = await rest.post('/api/related-stories', {
      body: { headline: 'Elsewhere', url: 'https://example.com/story' },
      token,
    })
    expect(external.status).toBe(201)
    const internal = await rest.post('/api/related-stories', {
      body: { article: articleId, headline: 'Ours' },
      token,
    })
    expect(internal.status).toBe(201)
  })

  it('refuses an update that adds a second target, keeping the stored link', async () => {
    const created = await rest.post('/api/related-stories', {
      body: { headline: 'External only', url: 'https://example.com/a' },
      token,
    })
    const { body, status } = await rest.patch(`/api/related-stories/${created.body.doc.id}`, {
      body: { article: articleId },
      token,
    })
    expect(status).toBe(400)
    expect(failingFields(body)).toEqual(expect.arrayContaining(['article', 'url']))
    const stored = await rest.get(`/api/related-stories/${created.body.doc.id}`, { token })
    expect(stored.body.url).toBe('https://example.com/a')
    expect(stored.body.article ?? null).toBeNull()
  })
})
