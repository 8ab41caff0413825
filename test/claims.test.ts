import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import fs from 'node:fs'

import { DEFAULT_RATINGS, resolveFactCheckSettings } from '../src/factChecks'
import { loadDeliveryArticle } from '../src/delivery/renderDeliveryArticle'
import { renderNinjs } from '../src/delivery/renderNinjs'
import { articleJsonLd } from '../src/host/site/articleJsonLd'
import { claimReviewJsonLd } from '../src/host/site/claimReviewJsonLd'
import { factCheckArticle, factCheckClaim } from '../src/host/seed/factCheckRecords'
import { seedFactCheck, seedPiece } from '../src/host/seed/seedPiece'
import { siteSettings } from '../src/siteSettings'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Claims and fact-checks: the seeded check of the claim the piece links to, its ClaimReview
 * JSON-LD (validated against what Google's fact-check markup requires), the people it names in
 * the delivery shape and in ninjs (validated against IPTC's schema), and who may read claims.
 */

const ORIGIN = 'https://news.example'
const PIECE = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'

/**
 * Google's ClaimReview structured data (developers.google.com/search/docs/appearance/
 * structured-data/factcheck), as a JSON Schema: the properties it requires and those the brief
 * asks for (itemReviewed's author, date and appearance; the review's author and date).
 */
const claimReviewSchema = {
  type: 'object',
  required: [
    '@context',
    '@type',
    'author',
    'claimReviewed',
    'datePublished',
    'itemReviewed',
    'reviewRating',
    'url',
  ],
  properties: {
    '@context': { const: 'https://schema.org' },
    '@type': { const: 'ClaimReview' },
    author: {
      type: 'object',
      required: ['@type', 'name'],
      properties: { '@type': { const: 'Organization' }, name: { type: 'string', minLength: 1 } },
    },
    claimReviewed: { type: 'string', minLength: 1 },
    datePublished: { type: 'string', format: 'date' },
    itemReviewed: {
      type: 'object',
      required: ['@type', 'appearance', 'author', 'datePublished'],
      properties: {
        '@type': { const: 'Claim' },
        appearance: {
          type: 'object',
          required: ['@type', 'url'],
          properties: { url: { type: 'string', format: 'uri' } },
        },
        author: {
          type: 'object',
          required: ['@type', 'name'],
          properties: { '@type': { enum: ['Person', 'Organization'] }, name: { type: 'string' } },
        },
        datePublished: { type: 'string', format: 'date' },
      },
    },
    reviewRating: {
      type: 'object',
      required: ['@type', 'alternateName', 'bestRating', 'ratingValue', 'worstRating'],
      properties: {
        '@type': { const: 'Rating' },
        alternateName: { type: 'string', minLength: 1 },
        bestRating: { type: 'number' },
        ratingValue: { type: 'number' },
        worstRating: { type: 'number' },
      },
    },
    url: { type: 'string', format: 'uri', pattern: '^https?://' },
  },
}

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' })
const validateClaimReview = ajv.compile(claimReviewSchema)
const validateNinjs = ajv.compile(
  JSON.parse(fs.readFileSync(new URL('./fixtures/ninjs-schema_2.2.json', import.meta.url), 'utf8')),
)

let ctx: TestPayload
let rest: RestClient
let editor: string
let checkSlug: string
let claimId: number | string

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  expect((await seedPiece({ payload: ctx.payload })).status).toBe('seeded')
  const seeded = await seedFactCheck({ payload: ctx.payload })
  checkSlug = seeded.slug
  claimId = seeded.claimId
  editor = await signIn(ctx.payload, rest, 'editor')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

const delivered = async (slug: string) => {
  const loaded = await loadDeliveryArticle({ payload: ctx.payload, slug })
  expect(loaded).not.toBeNull()
  return loaded!.delivery
}

describe('the seeded fact-check', () => {
  it('rates the claim the piece links to, naming who made it', async () => {
    const { factCheck, people } = await delivered(checkSlug)
    expect(factCheck?.claim.text).toBe(factCheckClaim.text)
    expect(factCheck?.claim.claimant?.name).toBe('Donald Trump')
    const step = DEFAULT_RATINGS.find((rating) => rating.value === factCheckArticle.rating)!
    expect(factCheck?.rating).toEqual({
      bestRating: 5,
      label: step.label,
      ratingValue: step.ratingValue,
      value: step.value,
      worstRating: 1,
    })
    expect(people).toEqual([expect.objectContaining({ name: 'Donald Trump', roles: ['claimed'] })])
  })

  it('leaves the piece itself as printed: its link to the outlet is unchanged', async () => {
    const { factCheck, relatedCoverage } = await delivered(PIECE)
    expect(factCheck).toBeNull()
    expect(relatedCoverage[0]).toMatchObject({
      headline: 'President Trump claims migrant women are being taped up at the border',
      url: expect.stringMatching(/^https:\/\/www\.washingtonpost\.com\//),
    })
  })
})

describe('ClaimReview JSON-LD', () => {
  it('has every property Google’s fact-check markup requires', async () => {
    const review = claimReviewJsonLd(await delivered(checkSlug), {
      organization: { name: 'Newsroom', url: `${ORIGIN}/` },
      origin: ORIGIN,
    })
    const valid = validateClaimReview(review)
    expect(validateClaimReview.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(review).toMatchObject({
      claimReviewed: factCheckClaim.text,
      datePublished: factCheckArticle.publishedAt.slice(0, 10),
      itemReviewed: {
        author: { name: 'Donald Trump', url: `${ORIGIN}/people/donald-trump` },
        datePublished: factCheckClaim.claimedAt.slice(0, 10),
      },
      reviewRating: { alternateName: 'Mostly false', ratingValue: 2 },
      url: `${ORIGIN}/news/${checkSlug}`,
    })
  })

  it('is absent from a story that checks nothing', async () => {
    expect(
      claimReviewJsonLd(await delivered(PIECE), {
        organization: { name: 'Newsroom', url: `${ORIGIN}/` },
        origin: ORIGIN,
      }),
    ).toBeNull()
  })

  it('follows the newsroom’s own scale', () => {
    const settings = resolveFactCheckSettings({
      ratings: [
        { label: 'Pants on fire', ratingValue: 0, value: 'pants-on-fire' },
        { label: 'Correct', ratingValue: 10, value: 'correct' },
      ],
    })
    expect(settings).toMatchObject({ bestRating: 10, worstRating: 0 })
    expect(() =>
      resolveFactCheckSettings({ ratings: [{ label: 'True', ratingValue: 1, value: 'true' }] }),
    ).toThrow(/cannot be a value/)
  })
})

describe('people in the delivery shape, ninjs and NewsArticle', () => {
  it('names each person once with every part they play, and ninjs people validate', async () => {
    const delivery = await delivered(PIECE)
    const musalo = delivery.people?.find((person) => person.name === 'Karen Musalo')
    expect(musalo?.roles).toEqual(['quoted', 'counsel'])
    expect(delivery.people?.find((person) => person.name === 'Jeff Sessions')?.roles).toEqual([
      'quoted',
      'judge',
    ])
    expect(
      delivery.quotes.every((quote) => quote.speaker.person?.name === quote.speaker.name),
    ).toBe(true)
    expect(delivery.cases.find((record) => record.slug === 'matter-of-kasinga')?.parties).toEqual([
      { person: expect.objectContaining({ name: 'Fauziya Kassindja' }), role: 'claimant' },
      { person: expect.objectContaining({ name: 'Karen Musalo' }), role: 'counsel' },
    ])
    const ninjs = renderNinjs(delivery, { baseUrl: ORIGIN, paths: siteSettings(ctx.config) })
    expect(validateNinjs(ninjs)).toBe(true)
    expect(ninjs.people).toEqual(
      expect.arrayContaining([
        {
          literal: 'karen-musalo',
          name: 'Karen Musalo',
          rel: 'quoted',
          uri: `${ORIGIN}/people/karen-musalo`,
        },
        expect.objectContaining({ name: 'Karen Musalo', rel: 'counsel' }),
      ]),
    )
    // Internal fields of people never reach partners.
    expect(JSON.stringify(delivery)).not.toMatch(/"notes"|"user"|inLiveStory/)
  })

  it('links a byline with a person to the author page in NewsArticle JSON-LD', async () => {
    const person = await ctx.payload.create({
      collection: 'people',
      data: { kind: 'staff', name: 'Dana Reporter', slug: 'dana-reporter' },
    })
    const created = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        bylines: [{ person: person.id }, { credit: 'Wire reports' }],
        headline: 'A story with an author page',
        slug: 'a-story-with-an-author-page',
      },
      token: editor,
    })
    expect(created.status).toBe(201)
    const jsonLd = articleJsonLd(await delivered('a-story-with-an-author-page'), ORIGIN)
    expect(jsonLd.author).toEqual([
      { '@type': 'Person', name: 'Dana Reporter', url: `${ORIGIN}/authors/dana-reporter` },
      { '@type': 'Person', name: 'Wire reports' },
    ])
  })
})

describe('who reads claims', () => {
  it('readers: only claims a published fact-check shows, never the notes (REST, GraphQL, Local API)', async () => {
    const hidden = await ctx.payload.create({
      collection: 'claims',
      data: { notes: 'still checking', text: 'A claim nobody has checked yet' },
    })
    const { body } = await rest.get('/api/claims?limit=100')
    expect(body.docs.map((claim: { id: unknown }) => String(claim.id))).toEqual([String(claimId)])
    expect(body.docs[0]).not.toHaveProperty('notes')
    expect((await rest.get(`/api/claims/${hidden.id}`)).status).toBe(404)

    const graphql = await rest.graphql('{ Claims(limit: 100) { docs { text notes } } }')
    expect(graphql.body.data.Claims.docs).toEqual([{ notes: null, text: factCheckClaim.text }])

    const { docs } = await ctx.payload.find({ collection: 'claims', overrideAccess: false })
    expect(docs.map((claim) => claim.text)).toEqual([factCheckClaim.text])

    const staff = await rest.get(`/api/claims/${hidden.id}`, { token: editor })
    expect(staff.body.notes).toBe('still checking')
  })

  it('unpublishing the fact-check hides its claim and the claimant', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { slug: { equals: checkSlug } },
    })
    await ctx.payload.update({
      id: docs[0].id,
      collection: 'articles',
      data: { _status: 'draft' },
    })
    expect((await rest.get(`/api/claims/${claimId}`)).status).toBe(404)
    const trump = await rest.get('/api/people?where[slug][equals]=donald-trump')
    expect(trump.body.docs).toEqual([])
    await ctx.payload.update({
      id: docs[0].id,
      collection: 'articles',
      data: { _status: 'published' },
    })
    expect((await rest.get(`/api/claims/${claimId}`)).status).toBe(200)
  })

  it('a rating without its claim is a 400 naming the field', async () => {
    const { body, status } = await rest.post('/api/articles', {
      body: {
        factCheck: { rating: 'inaccurate' },
        headline: 'Rated nothing',
        slug: 'rated-nothing',
      },
      token: editor,
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/factCheck\.rating/)
  })
})
