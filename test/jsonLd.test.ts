import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { loadDeliveryArticle } from '../src/delivery/renderDeliveryArticle'
import { articleJsonLd, jsonForScript } from '../src/host/site/articleJsonLd'
import { claimReviewJsonLd } from '../src/host/site/claimReviewJsonLd'
import { personJsonLd } from '../src/host/site/personJsonLd'
import { siteSettings } from '../src/siteSettings'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * The NewsArticle JSON-LD each story page carries, built from a story an editor put together
 * through the API: bylines, hero image, related coverage and a correction.
 */

const ORIGIN = 'https://news.example'

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const ABSOLUTE = /^https?:\/\/[^/\s]+\/\S*$/

type JsonLd = Record<string, any>

/**
 * What schema.org's NewsArticle and Google's article structured data expect (there is no
 * schema file for schema.org in ../shared/standards): the required and recommended
 * properties with the types they must have, absolute URLs, ISO 8601 dates with a zone.
 */
const expectNewsArticle = (value: JsonLd) => {
  expect(value['@context']).toBe('https://schema.org')
  expect(value['@type']).toBe('NewsArticle')
  expect(typeof value.headline).toBe('string')
  // Google truncates headlines over 110 characters.
  expect(value.headline.length).toBeGreaterThan(0)
  expect(value.headline.length).toBeLessThanOrEqual(110)
  expect(value.datePublished).toMatch(ISO_8601)
  expect(value.dateModified).toMatch(ISO_8601)
  expect(Date.parse(value.dateModified)).toBeGreaterThanOrEqual(Date.parse(value.datePublished))
  expect(value.mainEntityOfPage).toMatch(ABSOLUTE)
  expect(value.author.length).toBeGreaterThan(0)
  for (const author of value.author) {
    expect(['Person', 'Organization']).toContain(author['@type'])
    expect(typeof author.name).toBe('string')
  }
  for (const image of value.image ?? []) {
    expect(image['@type']).toBe('ImageObject')
    expect(image.url).toMatch(ABSOLUTE)
    expect(Number.isInteger(image.width) && Number.isInteger(image.height)).toBe(true)
  }
  expect(value.publisher['@type']).toBe('Organization')
  expect(typeof value.publisher.name).toBe('string')
  expect(value.publisher.url).toMatch(ABSOLUTE)
  expect(value.publisher.logo['@type']).toBe('ImageObject')
  expect(value.publisher.logo.url).toMatch(ABSOLUTE)
}

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

const uploadImage = async () => {
  const png = await sharp({ create: { background: '#246', channels: 3, height: 6, width: 10 } })
    .png()
    .toBuffer()
  const formData = new FormData()
  formData.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'court.png')
  formData.append('_payload', JSON.stringify({ alt: 'The immigration court in Arlington' }))
  const { body, status } = await rest.post('/api/media', { formData, token })
  expect(status).toBe(201)
  return body.doc
}

describe('NewsArticle JSON-LD', () => {
  it('says what the page says: headline, dates, authors, image, corrections, related links', async () => {
    const reporter = await ctx.payload.create({
      collection: 'users',
      data: {
        name: 'Dana Reporter',
        email: 'dana@newsroom.test',
        password: 'a long enough password',
        roles: ['writer'],
      },
    })
    const image = await uploadImage()
    const related = await rest.post('/api/related-stories', {
      body: {
        headline: 'What the asylum ruling means',
        url: 'https://example.org/asylum-explainer',
      },
      token,
    })
    expect(related.status).toBe(201)

    const created = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        bylines: [{ author: reporter.id }, { credit: 'Wire reports' }],
        headline: 'Court hears asylum appeal',
        hero: { caption: 'The court in Arlington.', credit: 'Staff', image: image.id },
        relatedCoverage: [related.body.doc.id],
        slug: 'court-hears-asylum-appeal',
      },
      token,
    })
    expect(created.status).toBe(201)
    const corrected = await rest.patch(`/api/articles/${created.body.doc.id}`, {
      body: {
        _status: 'published',
        corrections: [{ text: 'An earlier version misnamed the court.', type: 'correction' }],
      },
      token,
    })
    expect(corrected.status).toBe(200)
    const stored = corrected.body.doc

    const loaded = await loadDeliveryArticle({
      payload: ctx.payload,
      slug: 'court-hears-asylum-appeal',
    })
    expect(loaded).not.toBeNull()
    const jsonLd = articleJsonLd(loaded!.delivery, ORIGIN, siteSettings(ctx.config))

    expectNewsArticle(jsonLd)
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      // The correction went out as a republish: that is the modification readers saw.
      dateModified: stored.revisedAt,
      datePublished: stored.publishedAt,
      headline: 'Court hears asylum appeal',
      mainEntityOfPage: `${ORIGIN}/news/court-hears-asylum-appeal`,
      relatedLink: ['https://example.org/asylum-explainer'],
    })
    expect(jsonLd.author.map((author) => author.name)).toEqual(['Dana Reporter', 'Wire reports'])
    // No share image set: the hero, at its own size (smaller than every stored size).
    expect(jsonLd.image).toEqual([
      {
        '@type': 'ImageObject',
        height: 6,
        url: expect.stringMatching(/^https:\/\/news\.example\/.*court.*\.png$/),
        width: 10,
      },
    ])
    expect(jsonLd.publisher).toEqual({
      '@type': 'Organization',
      logo: { '@type': 'ImageObject', height: 60, url: `${ORIGIN}/logo.png`, width: 600 },
      name: 'Newsroom',
      url: `${ORIGIN}/`,
    })
    expect(jsonLd.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        datePublished: stored.corrections[0].at,
        text: 'An earlier version misnamed the court.',
      },
    ])
    expect(Date.parse(jsonLd.correction[0].datePublished ?? '')).not.toBeNaN()
  })

  it('uses the share image an editor sets, at its largest stored size up to 1,600 pixels', async () => {
    const png = await sharp({
      create: { background: '#642', channels: 3, height: 1000, width: 2000 },
    })
      .png()
      .toBuffer()
    const share = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'The court steps' },
      file: { data: png, mimetype: 'image/png', name: 'court-steps.png', size: png.length },
    })
    const created = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        headline: 'Appeal heard on the court steps',
        meta: { description: 'What the judges asked.', image: share.id },
      },
      token,
    })
    expect(created.status).toBe(201)
    const loaded = await loadDeliveryArticle({
      payload: ctx.payload,
      slug: created.body.doc.slug,
    })
    const jsonLd = articleJsonLd(loaded!.delivery, ORIGIN, siteSettings(ctx.config))
    expectNewsArticle(jsonLd)
    expect(jsonLd.image).toEqual([
      {
        '@type': 'ImageObject',
        height: 800,
        // Files from earlier runs stay in media/: Payload numbers repeated names.
        url: expect.stringMatching(
          /^https:\/\/news\.example\/api\/media\/file\/court-steps(-\d+)?-1600x800\.png$/,
        ),
        width: 1600,
      },
    ])
    expect(jsonLd.description).toBe('What the judges asked.')
    // Published once, never updated: modified when it was published.
    expect(jsonLd.dateModified).toBe(jsonLd.datePublished)
  })

  it('names the publisher without a logo when the app sets none', () => {
    const jsonLd = articleJsonLd(
      {
        article: {
          body: null,
          bylines: [],
          corrections: [],
          dateline: null,
          dek: null,
          firstPublishedAt: '2018-06-12T12:00:00.000Z',
          headline: 'A story',
          hero: null,
          id: 1,
          meta: { description: null, image: null, title: null },
          publishedAt: '2018-06-12T12:00:00.000Z',
          revisedAt: null,
          section: null,
          slug: 'a-story',
          topics: [],
          updatedAt: '2026-12-01T00:00:00.000Z',
        },
        cases: [],
        quotes: [],
        relatedCoverage: [],
      },
      ORIGIN,
      { logo: null, name: 'The Gazette' },
    )
    expect(jsonLd.publisher).toEqual({
      '@type': 'Organization',
      name: 'The Gazette',
      url: `${ORIGIN}/`,
    })
    // A 2018 story written again by a 2026 seed was not modified for readers.
    expect(jsonLd.dateModified).toBe('2018-06-12T12:00:00.000Z')
  })

  it('cannot close the script tag it sits in, whatever a headline says', () => {
    const value = { headline: 'Ruling </script><script>alert(1)</script>' }
    const json = jsonForScript(value)
    expect(json).not.toMatch(/<\/script/i)
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('people and organizations in JSON-LD', () => {
  /** A record as readers get it once a published story names it, the way the page reads it. */
  const readerRecord = async (id: number | string) => {
    const { body, status } = await rest.get(`/api/people/${id}?depth=0`)
    expect(status).toBe(200)
    return body
  }

  it('types a record marked an organization as Organization, a person as Person', async () => {
    const agency = await ctx.payload.create({
      collection: 'people',
      data: {
        bio: 'The wire service.',
        isOrganization: true,
        kind: 'contributor',
        name: 'Associated Press',
        positions: [{ organization: 'Nobody', title: 'Not a job title' }],
        slug: 'associated-press',
      },
    })
    const reporter = await ctx.payload.create({
      collection: 'people',
      data: {
        kind: 'staff',
        name: 'Lena Ortiz',
        positions: [{ organization: 'Newsroom', title: 'Courts reporter' }],
        slug: 'lena-ortiz',
      },
    })
    const court = await ctx.payload.create({
      collection: 'people',
      data: { isOrganization: true, kind: 'source', name: 'Fifth Circuit', slug: 'fifth-circuit' },
    })
    const claim = await rest.post('/api/claims', {
      body: { claimant: court.id, text: 'The asylum backlog has halved.' },
      token,
    })
    expect(claim.status).toBe(201)
    const story = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        bylines: [{ person: agency.id }, { person: reporter.id }],
        factCheck: { claim: claim.body.doc.id, rating: 'inaccurate' },
        headline: 'Appeals court on the backlog',
        slug: 'appeals-court-on-the-backlog',
      },
      token,
    })
    expect(story.status).toBe(201)

    const loaded = await loadDeliveryArticle({
      payload: ctx.payload,
      slug: 'appeals-court-on-the-backlog',
    })
    const news = articleJsonLd(loaded!.delivery, ORIGIN, siteSettings(ctx.config))
    expectNewsArticle(news)
    expect(news.author).toEqual([
      {
        '@type': 'Organization',
        name: 'Associated Press',
        url: `${ORIGIN}/authors/associated-press`,
      },
      { '@type': 'Person', name: 'Lena Ortiz', url: `${ORIGIN}/authors/lena-ortiz` },
    ])
    const review = claimReviewJsonLd(loaded!.delivery, {
      organization: { name: 'Newsroom', url: `${ORIGIN}/` },
      origin: ORIGIN,
    })
    expect(review?.itemReviewed.author).toEqual({
      '@type': 'Organization',
      name: 'Fifth Circuit',
      url: `${ORIGIN}/people/fifth-circuit`,
    })

    // The page a reader opens: a profile whose subject is the organization or the person.
    expect(
      personJsonLd(
        { person: await readerRecord(agency.id), photo: null },
        { origin: ORIGIN, path: '/people/associated-press' },
      ),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      mainEntity: {
        '@type': 'Organization',
        description: 'The wire service.',
        name: 'Associated Press',
        url: `${ORIGIN}/people/associated-press`,
      },
      url: `${ORIGIN}/people/associated-press`,
    })
    expect(
      personJsonLd(
        { person: await readerRecord(reporter.id), photo: null },
        { origin: ORIGIN, path: '/people/lena-ortiz' },
      ).mainEntity,
    ).toEqual({
      '@type': 'Person',
      jobTitle: 'Courts reporter',
      name: 'Lena Ortiz',
      url: `${ORIGIN}/people/lena-ortiz`,
      worksFor: { '@type': 'Organization', name: 'Newsroom' },
    })
  })
})
