import type { RequestHandler } from 'express'
import type { CollectionSlug, Config } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import sharp from 'sharp'

import type { DeliveryArticle } from '../src/delivery/types'

import { createChangeFeed } from '../src/cache/changeFeed'
import { createDeliveryCache } from '../src/delivery/deliveryCache'
import { readChanges } from '../src/cache/changeLog'
import { CHANGE_LOG_SLUG } from '../src/cache/changeLogCollection'
import { deliveryFastPath } from '../src/host/server/deliveryFastPath'
import {
  invalidateDeliveryAfterChange,
  SKIP_LOCAL_DELIVERY_INVALIDATION,
} from '../src/delivery/invalidationHooks'
import { renderDeliveryArticle } from '../src/delivery/renderDeliveryArticle'
import { renderNinjs } from '../src/delivery/renderNinjs'
import { newsroomPlugin } from '../src/index'
import { seedPiece } from '../src/host/seed/seedPiece'
import { type NewsroomServer, startServer } from '../src/host/server/createServer'
import { paragraphsToLexical } from '../src/utilities/lexical'
import { resolveSiteSettings } from '../src/siteSettings'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { settleWrites } from './helpers/settleWrites'
import { signIn } from './helpers/users'
import { waitFor } from './helpers/waitFor'

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const DELIVERY_URL = `/api/articles/delivery/${SLUG}`
const CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30'
const CIFUENTES_NOTE = 'Attributed to The Arizona Republic; not re-interviewed by us.'
const EDITORIAL_NOTE = `Internal: legal has not cleared paragraph 4 (${randomUUID()})`

let ctx: TestPayload
let rest: RestClient
let articleId: number | string

const unique = () => Math.random().toString(36).slice(2, 8)

const ninjsSchema = JSON.parse(
  fs.readFileSync(new URL('./fixtures/ninjs-schema_2.2.json', import.meta.url), 'utf8'),
)
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
// ninjs points `places[].geojson` at geojson.org; nothing here emits places, so a stand-in
// keeps the compiler offline.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' })
const validateNinjs = ajv.compile(ninjsSchema)

const expectValidNinjs = (item: unknown) => {
  const valid = validateNinjs(item)
  expect(validateNinjs.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

const deliver = async (slug = SLUG, headers: Record<string, string> = {}) =>
  rest.get(`/api/articles/delivery/${slug}`, { headers })

/** Updates as the local API does for a server task: access skipped, hooks run. */
const update = (collection: CollectionSlug, id: number | string, data: Record<string, unknown>) =>
  ctx.payload.update({ collection, data, id })

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { id: number | string }).id : value

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  const seeded = await seedPiece({ payload: ctx.payload })
  if (seeded.status !== 'seeded') {
    throw new Error('the piece was not seeded')
  }
  articleId = seeded.articleId
  // An internal note on the live article, to show it never reaches the delivery body.
  await update('articles', articleId, { editorialNotes: EDITORIAL_NOTE })
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('the delivery endpoint', () => {
  it('returns the published article with related coverage, quotes and cases resolved', async () => {
    const { body, headers, status } = await deliver()
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(Object.keys(body).sort()).toEqual([
      'article',
      'cases',
      'factCheck',
      'people',
      'quotes',
      'relatedCoverage',
    ])

    const { article } = body as DeliveryArticle
    expect(article).toMatchObject({
      firstPublishedAt: '2018-06-12T12:00:00.000Z',
      headline: 'Sessions overturns asylum precedent for women fleeing domestic violence',
      publishedAt: '2018-06-12T12:00:00.000Z',
      section: 'National',
      slug: SLUG,
      topics: ['Immigration', 'Asylum', 'Domestic violence', 'Justice Department'],
    })
    expect(article.dek).toMatch(/Matter of A-R-C-G-/)
    // 20 paragraphs and the pull quote, resolved from its quote record.
    expect(article.body?.root.children).toHaveLength(21)
    type PullQuoteNode = { fields: { quote: { speaker: { name: string }; text: string } } }
    const children = (article.body?.root.children ?? []) as ({ type: string } & PullQuoteNode)[]
    const pullQuote = children.find((node) => node.type === 'block') as PullQuoteNode
    expect(pullQuote.fields.quote.speaker.name).toBe('Karen Musalo')
    expect(pullQuote.fields.quote.text).toMatch(/^basically throws us back to the Dark Ages/)
    expect(article.corrections).toEqual([])

    expect(body.relatedCoverage.map((item: { headline: string }) => item.headline)).toEqual([
      'President Trump claims migrant women are being taped up at the border',
      'Federal judge halts deportation of a woman who won a lawsuit over her immigration arrest',
      'Saudi teen who fled her family starts new life in Canada with a new name',
    ])
    for (const item of body.relatedCoverage) {
      expect(item.url).toMatch(/^https:\/\/www\.washingtonpost\.com\//)
      expect(item.outlet).toBe('The Washington Post')
      expect(item.article).toBeNull()
    }

    expect(body.quotes.length).toBeGreaterThanOrEqual(4)
    expect(body.quotes[0]).toEqual({
      id: expect.anything(),
      medium: 'told-another-outlet',
      sourceOutlet: 'The Arizona Republic',
      speaker: {
        name: 'Aminta Cifuentes',
        organization: null,
        // The person record: only what readers may know of them.
        person: {
          id: expect.anything(),
          isOrganization: false,
          kind: 'source',
          name: 'Aminta Cifuentes',
          slug: 'aminta-cifuentes',
        },
        title: null,
      },
      text: 'If I had stayed there, he would have killed me',
      verification: { status: 'unverified' },
    })

    expect(body.cases.map((record: { caption: string }) => record.caption)).toEqual([
      'Matter of Kasinga',
      'Matter of R-A-',
      'Matter of A-R-C-G-',
      'Matter of A-B-',
    ])
    expect(body.cases[3]).toEqual({
      caption: 'Matter of A-B-',
      citation: '27 I&N Dec. 316 (A.G. 2018)',
      decidedAt: expect.stringMatching(/^2018-06-11/),
      decidedBy: 'Attorney General',
      holding: expect.any(String),
      id: expect.anything(),
      parties: [{ person: expect.objectContaining({ name: 'Jeff Sessions' }), role: 'judge' }],
      slug: 'matter-of-a-b',
      status: expect.any(String),
    })
  })

  it('keeps every internal field out of the body', async () => {
    const { body } = await deliver()
    const text = JSON.stringify(body)
    expect(text).not.toContain(CIFUENTES_NOTE)
    expect(text).not.toContain(EDITORIAL_NOTE)
    for (const key of ['editorialNotes', 'stage', '_status', 'verifiedBy', 'verifiedAt', 'notes']) {
      expect(text).not.toContain(`"${key}"`)
    }
  })

  it('is the same function the doors use: renderDeliveryArticle gives the same shape', async () => {
    const { body } = await deliver()
    expect(await renderDeliveryArticle({ payload: ctx.payload, slug: SLUG })).toEqual(body)
    expect(await renderDeliveryArticle({ payload: ctx.payload, slug: 'no-such-story' })).toBeNull()
  })

  it('sends a strong ETag of the body, the CDN cache policy and Last-Modified', async () => {
    const response = await rest.get(DELIVERY_URL)
    const etag = response.headers.get('etag')
    const digest = createHash('sha256').update(JSON.stringify(response.body)).digest('base64url')
    expect(etag).toBe(`"${digest}"`)
    expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL)
    const lastModified = Date.parse(response.headers.get('last-modified') ?? '')
    expect(lastModified).toBeGreaterThanOrEqual(Date.parse(response.body.article.updatedAt) - 1000)

    const again = await rest.get(DELIVERY_URL)
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.body).toEqual(response.body)
  })

  it('answers 304 with no body to a matching If-None-Match, strong, weak, in a list or *', async () => {
    const etag = (await deliver()).headers.get('etag') as string
    for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const { body, headers, status } = await deliver(SLUG, { 'if-none-match': ifNoneMatch })
      expect({ ifNoneMatch, status }).toEqual({ ifNoneMatch, status: 304 })
      expect(body).toBeUndefined()
      expect(headers.get('etag')).toBe(etag)
      expect(headers.get('cache-control')).toBe(CACHE_CONTROL)
    }
    const stale = await deliver(SLUG, { 'if-none-match': '"an-older-version"' })
    expect(stale.status).toBe(200)
  })

  it('gives signed-in staff exactly what anonymous readers get', async () => {
    const token = await signIn(ctx.payload, rest, 'admin')
    const anonymous = await deliver()
    const staff = await rest.get(DELIVERY_URL, { token })
    expect(staff.status).toBe(200)
    expect(staff.headers.get('etag')).toBe(anonymous.headers.get('etag'))
    expect(JSON.stringify(staff.body)).not.toContain(CIFUENTES_NOTE)
  })

  it('answers 404 with an error for an unknown slug and for a slug that cannot exist', async () => {
    for (const slug of ['no-such-story', 'Not%20A%20Slug', '..%2Fusers']) {
      const { body, status } = await deliver(slug)
      expect({ slug, status }).toEqual({ slug, status: 404 })
      expect(body.errors[0].message).toEqual(expect.any(String))
    }
  })

  it('answers 404 for an article that only exists as a draft, without its headline', async () => {
    const headline = `Unpublished scoop ${unique()}`
    const draft = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'draft', headline },
      draft: true,
    })
    const { body, status } = await deliver(draft.slug as string)
    expect(status).toBe(404)
    expect(JSON.stringify(body)).not.toContain(headline)
  })

  it('serves the live version of an article while a newer draft of it is being written', async () => {
    const before = await deliver()
    // What the log says about the article already (its publish may be a moment old).
    const aboutArticle = async () =>
      (await readChanges(ctx.payload, Date.now() - 60_000))
        .filter((entry) => entry.keys.includes(`articles:${articleId}`))
        .map((entry) => entry.id)
    const logged = await aboutArticle()
    await ctx.payload.update({
      collection: 'articles',
      data: { headline: 'A draft headline nobody may see yet' },
      draft: true,
      id: articleId,
    })
    // An autosave leaves what readers get alone, so no instance drops its cache for it: the
    // change log has nothing new about the article.
    expect(await aboutArticle()).toEqual(logged)
    const after = await deliver()
    expect(after.body.article.headline).toBe(before.body.article.headline)
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'))
  })
})

describe('invalidation: each change is served at once by this instance', () => {
  const etagNow = async () => (await deliver()).headers.get('etag')

  it('follows a new headline once it is published', async () => {
    const etag = await etagNow()
    await update('articles', articleId, {
      _status: 'published',
      headline: 'Sessions overturns asylum precedent for survivors of domestic violence',
    })
    const { body, headers } = await deliver()
    expect(body.article.headline).toBe(
      'Sessions overturns asylum precedent for survivors of domestic violence',
    )
    expect(headers.get('etag')).not.toBe(etag)
  })

  it("follows a quote's text", async () => {
    const { body: before, headers } = await deliver()
    const quote = before.quotes[1]
    await update('quotes', quote.id, { text: `${quote.text} (edited)` })
    const { body } = await deliver()
    expect(body.quotes[1].text).toBe(`${quote.text} (edited)`)
    expect((await deliver()).headers.get('etag')).not.toBe(headers.get('etag'))
  })

  it("follows a case's citation", async () => {
    const { body: before } = await deliver()
    const kasinga = before.cases[0]
    await update('cases', kasinga.id, { citation: '21 I. & N. Dec. 357 (BIA 1996)' })
    const { body } = await deliver()
    expect(body.cases[0].citation).toBe('21 I. & N. Dec. 357 (BIA 1996)')
  })

  it("follows a related story's headline", async () => {
    const { body: before } = await deliver()
    const article = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: articleId })
    const storyId = idOf(article.relatedCoverage?.[2])
    await update('related-stories', storyId as number | string, {
      headline: 'Saudi teen who fled her family settles in Canada',
    })
    const { body } = await deliver()
    expect(body.relatedCoverage[2].headline).toBe(
      'Saudi teen who fled her family settles in Canada',
    )
    expect(body.relatedCoverage[0]).toEqual(before.relatedCoverage[0])
  })

  it('links a published story of ours, and hides it again once it is unpublished', async () => {
    const headline = `Judge blocks the new asylum rule ${unique()}`
    const target = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', dek: 'Nationwide.', headline, stage: 'ready' },
    })
    const story = await ctx.payload.create({
      collection: 'related-stories',
      data: { article: target.id, dek: 'What happened next.', headline: 'Our follow-up' },
    })
    const article = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: articleId })
    await update('articles', articleId, {
      relatedCoverage: [...(article.relatedCoverage ?? []).map(idOf), story.id],
    })

    const linked = (await deliver()).body.relatedCoverage.at(-1)
    expect(linked).toEqual({
      article: { headline, slug: target.slug },
      dek: 'What happened next.',
      headline: 'Our follow-up',
      id: story.id,
      outlet: null,
      publishedAt: null,
      url: `/news/${target.slug}`,
    })

    await update('articles', target.id, { _status: 'draft' })
    const { body } = await deliver()
    expect(body.relatedCoverage.at(-1)).toMatchObject({
      article: null,
      headline: 'Our follow-up',
      url: null,
    })
    expect(JSON.stringify(body)).not.toContain(headline)
  })

  it("follows the hero image's alt text", async () => {
    const png = await sharp({ create: { background: '#345', channels: 3, height: 6, width: 9 } })
      .png()
      .toBuffer()
    const media = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'The Justice Department building' },
      file: { data: png, mimetype: 'image/png', name: `hero-${unique()}.png`, size: png.length },
    })
    try {
      await update('articles', articleId, { hero: { credit: 'Staff', image: media.id } })
      const { body } = await deliver()
      expect(body.article.hero).toEqual({
        caption: null,
        credit: 'Staff',
        image: expect.objectContaining({
          alt: 'The Justice Department building',
          height: 6,
          id: media.id,
          mimeType: 'image/png',
          width: 9,
        }),
      })
      await update('media', media.id, {
        alt: 'The Robert F. Kennedy Department of Justice Building',
      })
      expect((await deliver()).body.article.hero.image.alt).toBe(
        'The Robert F. Kennedy Department of Justice Building',
      )
    } finally {
      await update('articles', articleId, { hero: { credit: null, image: null } })
      await ctx.payload.delete({ collection: 'media', id: media.id })
    }
    expect((await deliver()).body.article.hero).toBeNull()
  })

  it('answers 404 once the article is unpublished, and 200 again when it is republished', async () => {
    await update('articles', articleId, { _status: 'draft' })
    expect((await deliver()).status).toBe(404)
    await update('articles', articleId, { _status: 'published' })
    expect((await deliver()).status).toBe(200)
  })
})

describe('invalidation across instances sharing the database', () => {
  // Earlier writes through this process purge its caches once more when they are seen
  // committed: a test that plays another instance starts once none is waiting, so that what it
  // proves (a remote write reaches no cache in this process directly) is not muddled by them.
  beforeEach(async () => {
    await settleWrites(ctx.payload)
  })

  /** A write made by another instance: the change log gets it, this process is not told. */
  const remoteUpdate = (collection: CollectionSlug, id: number | string, data: object) =>
    ctx.payload.update({
      collection,
      context: { [SKIP_LOCAL_DELIVERY_INVALIDATION]: true },
      data,
      id,
    })

  it('keeps serving its copy until the next log read has seen the change, never waiting on it when busy', async () => {
    let clock = 0
    const feed = createChangeFeed({ checkIntervalMs: 250, now: () => clock, payload: ctx.payload })
    const cache = createDeliveryCache({ feed, payload: ctx.payload })
    const first = await cache.get(SLUG, 'json')
    const quote = JSON.parse(String(first?.body)).quotes[0]

    await remoteUpdate('quotes', quote.id, { text: `${quote.text}, she said` })
    clock = 100
    // Not checked yet: this proves the write reached no cache in this process directly.
    expect((await cache.get(SLUG, 'json'))?.etag).toBe(first?.etag)
    clock = 300
    // The log is due: this request starts the read and is answered from memory meanwhile,
    // as is every request that arrives while the read runs.
    expect((await cache.get(SLUG, 'json'))?.etag).toBe(first?.etag)
    // Once the read that saw the change has completed, the next request gets it.
    await feed.refresh()
    const fresh = await cache.get(SLUG, 'json')
    expect(fresh?.etag).not.toBe(first?.etag)
    expect(JSON.parse(String(fresh?.body)).quotes[0].text).toBe(`${quote.text}, she said`)
  })

  it('waits for the log when it has not been read for two intervals (an idle instance)', async () => {
    let clock = 0
    const feed = createChangeFeed({ checkIntervalMs: 250, now: () => clock, payload: ctx.payload })
    const cache = createDeliveryCache({ feed, payload: ctx.payload })
    const first = await cache.get(SLUG, 'json')
    const quote = JSON.parse(String(first?.body)).quotes[0]
    await remoteUpdate('quotes', quote.id, { text: `${quote.text} again` })
    clock = 500
    const fresh = await cache.get(SLUG, 'json')
    expect(JSON.parse(String(fresh?.body)).quotes[0].text).toBe(`${quote.text} again`)
  })

  it('loads fresh when asked to: after a read of the log that began after the call', async () => {
    const clock = 0
    const feed = createChangeFeed({ checkIntervalMs: 250, now: () => clock, payload: ctx.payload })
    const cache = createDeliveryCache({ feed, payload: ctx.payload })
    const first = await cache.load(SLUG)
    const quote = first?.delivery.quotes[0] as { id: number | string; text: string }
    await remoteUpdate('quotes', quote.id, { text: `${quote.text}, for a page` })
    // The clock has not moved: only `fresh` makes it look.
    expect((await cache.load(SLUG))?.delivery.quotes[0].text).toBe(quote.text)
    expect((await cache.load(SLUG, { fresh: true }))?.delivery.quotes[0].text).toBe(
      `${quote.text}, for a page`,
    )
  })

  // How soon is the clock-stepped tests' matter above (a read at most every interval); how fast
  // the reads and answers are belongs to `npm run bench`.
  it('serves a change made elsewhere on the real clock, by requests alone', async () => {
    const cache = createDeliveryCache({ payload: ctx.payload })
    const first = await cache.get(SLUG, 'json')
    const kasinga = JSON.parse(String(first?.body)).cases[0]

    const holding = `Updated holding ${unique()}`
    await remoteUpdate('cases', kasinga.id, { holding })
    const current = await waitFor(
      async () => {
        const answer = await cache.get(SLUG, 'json')
        return answer?.etag !== first?.etag && answer
      },
      { what: 'the delivery cache to serve the case changed elsewhere' },
    )
    expect(JSON.parse(String(current.body)).cases[0].holding).toBe(holding)
  })

  it('drops a 404 it remembered once the article is published elsewhere', async () => {
    let clock = 0
    const cache = createDeliveryCache({ now: () => clock, payload: ctx.payload })
    const draft = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'draft', headline: `Embargoed ${unique()}` },
      draft: true,
    })
    expect(await cache.get(draft.slug as string, 'json')).toBeNull()
    await remoteUpdate('articles', draft.id, { _status: 'published' })
    clock = 1000
    expect(await cache.get(draft.slug as string, 'json')).not.toBeNull()
  })
})

describe('the bound', () => {
  it('holds at most maxBytes of article JSON, dropping the least recently read first', async () => {
    const slugs = [SLUG]
    for (let index = 0; index < 3; index += 1) {
      const created = await ctx.payload.create({
        collection: 'articles',
        data: {
          _status: 'published',
          dek: 'Bounded.',
          headline: `Bounded story ${index} ${unique()}`,
          stage: 'ready',
        },
      })
      slugs.push(created.slug as string)
    }
    const sizes = await Promise.all(
      slugs.map(async (slug) => (await deliver(slug)).headers.get('content-length')),
    )
    const big = Number(sizes[0])
    // Room for the long seeded story and one short one, not for all four.
    const cache = createDeliveryCache({
      maxBytes: big + Number(sizes[1]) + 10,
      payload: ctx.payload,
    })
    for (const slug of slugs) {
      expect(await cache.get(slug, 'json')).not.toBeNull()
    }
    const { bytes, entries } = cache.stats()
    expect(bytes).toBeLessThanOrEqual(big + Number(sizes[1]) + 10)
    expect(entries).toBeLessThan(slugs.length)
    expect(entries).toBeGreaterThanOrEqual(1)
  })
})

describe('ninjs', () => {
  it('renders the article as ninjs 2.2 that validates against the IPTC schema', async () => {
    const { body, headers, status } = await rest.get(`${DELIVERY_URL}/ninjs`)
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(headers.get('cache-control')).toBe(CACHE_CONTROL)
    expectValidNinjs(body)

    const { body: delivery } = await deliver()
    expect(body).toMatchObject({
      language: 'en',
      pubstatus: 'usable',
      slugline: SLUG,
      type: 'text',
      uri: `urn:newsroom:news:${SLUG}`,
    })
    expect(body.headlines).toEqual([
      { contenttype: 'text/plain', role: 'main', value: delivery.article.headline },
    ])
    expect(body.descriptions[0]).toEqual({
      contenttype: 'text/plain',
      role: 'summary',
      value: delivery.article.dek,
    })
    const [main] = body.bodies
    expect(main).toMatchObject({ contenttype: 'text/html', role: 'main' })
    expect(main.value.match(/<p>/g)).toHaveLength(20)
    expect(main.value).toContain(
      '<p>On Monday, Attorney General Jeff Sessions overturned a precedent that made women fleeing domestic violence situations eligible to apply for asylum.</p>',
    )
    // Partners get the citations and the pull quote, not a body with holes where they were.
    expect(main.value).toContain(
      '/cases/matter-of-a-r-c-g" title="Matter of A-R-C-G-, 26 I&amp;N Dec. 388 (BIA 2014)">Matter of A-R-C-G</a></cite>.</p>',
    )
    // (Earlier tests in this file edit the quote's words; the shape is what matters here.) The
    // speaker has a person record: the name links to their page.
    expect(main.value).toMatch(
      /<figure><blockquote>“basically throws us back to the Dark Ages[^<]*”<\/blockquote><figcaption><a href="[^"]*\/people\/karen-musalo">Karen Musalo<\/a>, Director, Center for Gender &amp; Refugee Studies/,
    )
    // Speakers with a person record also carry their page (`uri`) and slug (`literal`).
    expect(body.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Aminta Cifuentes', rel: 'quoted' }),
        expect.objectContaining({ name: 'Karen Musalo', rel: 'quoted' }),
      ]),
    )
    expect(
      body.associations.map((item: { headlines: { value: string }[] }) => item.headlines[0].value),
    ).toEqual(delivery.relatedCoverage.map((item: { headline: string }) => item.headline))
    expect(JSON.stringify(body)).not.toContain(CIFUENTES_NOTE)
  })

  it('puts the organizations the story quotes under organisations, and people under people', async () => {
    const { body: delivery } = await deliver()
    // The delivery shape says which is which, and keeps every field a site already reads.
    const named = (name: string) =>
      (delivery as DeliveryArticle).people?.find((entry) => entry.name === name)
    expect(named('Board of Immigration Appeals')).toEqual({
      id: expect.anything(),
      isOrganization: true,
      kind: 'source',
      name: 'Board of Immigration Appeals',
      roles: ['quoted'],
      slug: 'board-of-immigration-appeals',
    })
    expect(named('Former immigration judges')).toMatchObject({ isOrganization: true })
    expect(named('Karen Musalo')).toMatchObject({ isOrganization: false, kind: 'source' })

    const { body } = await rest.get(`${DELIVERY_URL}/ninjs`)
    expectValidNinjs(body)
    expect(body.organisations).toEqual(
      expect.arrayContaining([
        {
          literal: 'board-of-immigration-appeals',
          name: 'Board of Immigration Appeals',
          rel: 'quoted',
          uri: 'urn:newsroom:person:board-of-immigration-appeals',
        },
        {
          literal: 'former-immigration-judges',
          name: 'Former immigration judges',
          rel: 'quoted',
          uri: 'urn:newsroom:person:former-immigration-judges',
        },
        // A quoted person's printed affiliation stays an affiliation.
        { name: 'U.S. Department of Justice', rel: 'affiliation' },
      ]),
    )
    const peopleNames = body.people.map((entry: { name: string }) => entry.name)
    expect(peopleNames).toEqual(expect.arrayContaining(['Karen Musalo', 'Jeff Sessions']))
    expect(peopleNames).not.toContain('Board of Immigration Appeals')
    expect(peopleNames).not.toContain('Former immigration judges')
    expect(body.people).toContainEqual({
      literal: 'karen-musalo',
      name: 'Karen Musalo',
      rel: 'quoted',
      uri: 'urn:newsroom:person:karen-musalo',
    })

    // With a public origin, an organization's `uri` is its page, as a person's is.
    const item = renderNinjs(delivery, {
      baseUrl: 'https://news.example/',
      paths: resolveSiteSettings(),
    })
    expectValidNinjs(item)
    expect(item.organisations).toContainEqual({
      literal: 'board-of-immigration-appeals',
      name: 'Board of Immigration Appeals',
      rel: 'quoted',
      uri: 'https://news.example/people/board-of-immigration-appeals',
    })
    expect(item.people).toContainEqual(
      expect.objectContaining({ uri: 'https://news.example/people/karen-musalo' }),
    )
  })

  it('has its own ETag and answers 304 the same way', async () => {
    const first = await rest.get(`${DELIVERY_URL}/ninjs`)
    const etag = first.headers.get('etag') as string
    expect(etag).not.toBe((await deliver()).headers.get('etag'))
    const again = await rest.get(`${DELIVERY_URL}/ninjs`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect((await rest.get('/api/articles/delivery/no-such-story/ninjs')).status).toBe(404)
  })

  it('escapes text and drops unsafe links when rendering the body to HTML', () => {
    const body = paragraphsToLexical([]) as unknown as { root: { children: unknown[] } }
    const text = (value: string, format = 0) => ({ format, text: value, type: 'text' })
    body.root.children = [
      { children: [text('Q&A: <script>alert("x")</script> it\'s')], tag: 'h2', type: 'heading' },
      {
        children: [
          text('Read '),
          {
            children: [text('this', 1)],
            fields: { url: 'https://example.com/?a=1&b="2"' },
            type: 'link',
          },
          text(' and '),
          { children: [text('not this')], fields: { url: 'javascript:alert(1)' }, type: 'link' },
        ],
        type: 'paragraph',
      },
      { children: [text('A quote')], type: 'quote' },
      {
        children: [
          { children: [text('one')], type: 'listitem' },
          { children: [text('two', 2)], type: 'listitem' },
        ],
        listType: 'number',
        type: 'list',
      },
    ]
    const delivery: DeliveryArticle = {
      article: {
        body,
        bylines: [{ name: 'Staff & wire reports' }],
        corrections: [
          {
            at: '2018-06-13T09:00:00.000Z',
            text: 'An earlier version misdated the ruling.',
            type: 'correction',
          },
        ],
        dateline: 'WASHINGTON',
        dek: 'A "dek" with <angle> brackets',
        firstPublishedAt: '2018-06-12T12:00:00.000Z',
        headline: 'A <b>headline</b>',
        hero: null,
        meta: { description: null, image: null, title: null },
        revisedAt: null,
        id: 1,
        publishedAt: '2018-06-12T12:00:00.000Z',
        section: null,
        slug: 'a-headline',
        topics: [],
        updatedAt: '2018-06-13T09:00:00.000Z',
      },
      cases: [],
      quotes: [],
      relatedCoverage: [
        {
          article: { headline: 'Ours', slug: 'ours' },
          dek: null,
          headline: 'Ours',
          id: 7,
          outlet: null,
          publishedAt: null,
          url: '/news/ours',
        },
        {
          article: null,
          dek: null,
          headline: 'Gone',
          id: 8,
          outlet: null,
          publishedAt: null,
          url: null,
        },
      ],
    }
    const item = renderNinjs(delivery, {
      baseUrl: 'https://news.example/',
      paths: resolveSiteSettings(),
    })
    expectValidNinjs(item)
    expect(item.uri).toBe('https://news.example/news/a-headline')
    expect((item.bodies as { value: string }[])[0].value).toBe(
      [
        '<h2>Q&amp;A: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s</h2>',
        '<p>Read <a href="https://example.com/?a=1&amp;b=&quot;2&quot;"><strong>this</strong></a> and not this</p>',
        '<blockquote>A quote</blockquote>',
        '<ol><li>one</li><li><em>two</em></li></ol>',
      ].join('\n'),
    )
    expect(item.headlines).toEqual([
      { contenttype: 'text/plain', role: 'main', value: 'A <b>headline</b>' },
    ])
    expect(item.by).toBe('Staff & wire reports')
    expect(item.located).toBe('WASHINGTON')
    expect((item.associations as { uri: string }[]).map(({ uri }) => uri)).toEqual([
      'https://news.example/news/ours',
      'urn:newsroom:related-story:8',
    ])
  })
})

describe('the fast path before express', () => {
  let server: NewsroomServer
  let fallbackHits = 0

  /** Stands in for Next: anything reaching it was not answered by the fast path. */
  const teapot: RequestHandler = (_req, res) => {
    fallbackHits += 1
    res.status(418).send('next')
  }

  beforeAll(async () => {
    const fastPath = deliveryFastPath({ payload: ctx.payload })
    server = await startServer({
      fallback: teapot,
      first: fastPath ? [fastPath] : [],
      host: '127.0.0.1',
      payload: ctx.payload,
      port: 0,
    })
  })

  afterAll(async () => {
    // Not server.shutdown(): that would also close the database the suite still uses.
    server.server.closeAllConnections()
    await new Promise((resolve) => server.server.close(resolve))
  })

  it('answers a published article itself, with the same body and headers as the endpoint', async () => {
    const viaPayload = await deliver()
    const response = await fetch(`${server.url}${DELIVERY_URL}`)
    expect(response.status).toBe(200)
    expect(fallbackHits).toBe(0)
    expect(response.headers.get('etag')).toBe(viaPayload.headers.get('etag'))
    expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('last-modified')).toBe(viaPayload.headers.get('last-modified'))
    expect(await response.json()).toEqual(viaPayload.body)
  })

  it('answers 304 to a matching If-None-Match, and ninjs and 404s too, never reaching Next', async () => {
    const etag = (await fetch(`${server.url}${DELIVERY_URL}`)).headers.get('etag') as string
    const notModified = await fetch(`${server.url}${DELIVERY_URL}`, {
      headers: { 'if-none-match': `W/${etag}` },
    })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
    expect(await notModified.text()).toBe('')

    const ninjs = await fetch(`${server.url}${DELIVERY_URL}/ninjs`)
    expect(ninjs.status).toBe(200)
    expectValidNinjs(await ninjs.json())

    const missing = await fetch(`${server.url}/api/articles/delivery/no-such-story`)
    expect(missing.status).toBe(404)
    expect((await missing.json()).errors[0].message).toEqual(expect.any(String))
    expect(fallbackHits).toBe(0)
  })

  it('answers HEAD with the headers a GET gets and no body, a miss included', async () => {
    const got = await fetch(`${server.url}${DELIVERY_URL}`)
    await got.arrayBuffer()
    const head = await fetch(`${server.url}${DELIVERY_URL}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    for (const name of [
      'cache-control',
      'content-length',
      'content-type',
      'etag',
      'last-modified',
    ]) {
      expect({ name, value: head.headers.get(name) }).toEqual({
        name,
        value: got.headers.get(name),
      })
    }
    expect(await head.text()).toBe('')

    const missing = await fetch(`${server.url}/api/articles/delivery/no-such-story-${unique()}`, {
      method: 'HEAD',
    })
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('')
    expect(fallbackHits).toBe(0)
  })

  it('serves a publish made through Payload at once', async () => {
    const headline = `Sessions overturns asylum precedent, judges object ${unique()}`
    await update('articles', articleId, { _status: 'published', headline })
    const response = await fetch(`${server.url}${DELIVERY_URL}`)
    expect((await response.json()).article.headline).toBe(headline)
  })

  it('leaves every other URL to Next', async () => {
    const response = await fetch(`${server.url}/api/articles?limit=1`)
    expect(response.status).toBe(418)
    expect(fallbackHits).toBe(1)
  })
})

describe('the plugin', () => {
  const deliveryPaths = (endpoints: false | undefined | { path: string }[]) =>
    (endpoints || []).map(({ path }) => path).filter((path) => path.startsWith('/delivery/'))

  const configWith = async (options?: { disabled?: boolean }) =>
    newsroomPlugin(options)({ collections: [], db: {} as Config['db'], secret: 'x' })

  it('adds the endpoints on articles and the invalidation hooks on everything an article shows', async () => {
    const config = await configWith()
    const collection = (slug: string) => config.collections?.find((each) => each.slug === slug)
    expect(deliveryPaths(collection('articles')?.endpoints)).toEqual([
      '/delivery/:slug',
      '/delivery/:slug/ninjs',
    ])
    for (const slug of ['articles', 'quotes', 'cases', 'related-stories', 'media', 'users']) {
      expect(collection(slug)?.hooks?.afterChange).toContain(invalidateDeliveryAfterChange)
    }
    expect(config.globals?.map((global) => global.slug)).toEqual(['front-page'])
    expect(collection(CHANGE_LOG_SLUG)).toBeDefined()
  })

  it('adds neither when disabled, but keeps the change log so the schema does not change', async () => {
    const config = await configWith({ disabled: true })
    const articles = config.collections?.find((each) => each.slug === 'articles')
    expect(deliveryPaths(articles?.endpoints)).toEqual([])
    expect(articles?.hooks?.afterChange ?? []).not.toContain(invalidateDeliveryAfterChange)
    expect(config.collections?.map((each) => each.slug)).toContain(CHANGE_LOG_SLUG)
    expect(config.globals?.map((global) => global.slug)).toEqual(['front-page'])
  })
})
