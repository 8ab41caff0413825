import type { RequestHandler } from 'express'
import type { CollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import { gunzipSync, brotliDecompressSync } from 'node:zlib'
import sharp from 'sharp'

import { deliveryCacheFor } from '../src/delivery/deliveryCache'
import { SKIP_LOCAL_DELIVERY_INVALIDATION } from '../src/delivery/invalidationHooks'
import { createPageCache } from '../src/host/pageCache/pageCache'
import { RENDER_HEADER, recordPageKeys } from '../src/host/pageCache/renderKeys'
import { sitePageCache, type SitePageCache } from '../src/host/pageCache/sitePageCache'
import { seedPiece } from '../src/host/seed/seedPiece'
import { type NewsroomServer, startServer } from '../src/host/server/createServer'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { captureRequestLog } from './helpers/requestLog'
import { settleWrites } from './helpers/settleWrites'
import { waitFor } from './helpers/waitFor'

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const STORY = `/news/${SLUG}`

let ctx: TestPayload
let server: NewsroomServer
let pages: SitePageCache
let articleId: number | string
let otherSlug: string
/** Requests that reached the stand-in for Next, by path. */
const rendered: string[] = []
/** What reached the stand-in for Next with a staff cookie, draft mode or a token. */
let passedThrough = 0

const unique = () => Math.random().toString(36).slice(2, 8)
const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { id: number | string }).id : value
const update = (collection: CollectionSlug, id: number | string, data: Record<string, unknown>) =>
  ctx.payload.update({ collection, data, id })
/** A write made by another instance: the change log moves, this process is not told. */
const remoteUpdate = (collection: CollectionSlug, id: number | string, data: object) =>
  ctx.payload.update({
    collection,
    context: { [SKIP_LOCAL_DELIVERY_INVALIDATION]: true },
    data,
    id,
  })

const escapeText = (value: unknown) =>
  String(value ?? '').replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`)

type BodyNode = { children?: BodyNode[]; fields?: Record<string, unknown>; type?: string }

/** The body's links to our stories, as the site's RichText renders them (a slug, while live). */
const storyLinks = (body: unknown): string[] => {
  const links: string[] = []
  const visit = (node: BodyNode) => {
    const doc = node.fields?.doc as { value?: { headline?: string; slug?: string } } | undefined
    if (node.type === 'link' && node.fields?.linkType === 'internal' && doc?.value?.slug) {
      links.push(
        `<a href="/news/${escapeText(doc.value.slug)}" title="${escapeText(doc.value.headline)}">`,
      )
    }
    node.children?.forEach(visit)
  }
  visit((body as { root?: BodyNode } | null)?.root ?? {})
  return links
}

/**
 * Stands in for Next's story and front pages: reads what the real pages read (the delivery
 * cache, the article list) and records keys the way they do, so the suite needs no Next build.
 */
const fakeNext: RequestHandler = async (req, res) => {
  if (!req.headers[RENDER_HEADER]) {
    passedThrough += 1
  }
  rendered.push(req.path)
  const headers = { get: (name: string) => (req.headers[name] as string | undefined) ?? null }
  if (req.path.startsWith('/news/')) {
    const loaded = await deliveryCacheFor(ctx.payload).load(req.path.slice('/news/'.length))
    if (!loaded) {
      res.status(404).type('html').send('<h1>Not found</h1>')
      return
    }
    recordPageKeys(headers, loaded.keys)
    const { article, cases, quotes, relatedCoverage } = loaded.delivery
    res
      .type('html')
      .set('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate')
      .send(
        [
          `<h1>${escapeText(article.headline)}</h1>`,
          `<p class="bylines">${article.bylines.map((b) => escapeText(b.name)).join(', ')}</p>`,
          `<img alt="${escapeText(article.hero?.image?.alt)}">`,
          ...quotes.map((quote) => `<blockquote>${escapeText(quote.text)}</blockquote>`),
          ...cases.map((record) => `<cite>${escapeText(record.citation)}</cite>`),
          ...relatedCoverage.map((item) => `<li>${escapeText(item.headline)}</li>`),
          ...storyLinks(article.body),
          // Enough bytes for compression to matter.
          `<p>${'Lorem ipsum dolor sit amet. '.repeat(200)}</p>`,
        ].join('\n'),
      )
    return
  }
  if (req.path === '/') {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      depth: 0,
      overrideAccess: false,
      sort: '-publishedAt',
    })
    res.type('html').send(docs.map((doc) => `<h2>${escapeText(doc.headline)}</h2>`).join('\n'))
    return
  }
  res.status(418).send('not a page')
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { headers })
  return { body: await response.text(), headers: response.headers, status: response.status }
}

/**
 * A write through this instance purges the page before the write returns: the very next request
 * shows `text`, with no waiting and no purge by hand. (How fast that request is belongs to
 * `npm run bench`.)
 */
const expectOnNextRequest = async (path: string, text: string) => {
  expect((await get(path)).body).toContain(text)
}

/**
 * A write made elsewhere reaches this instance through the change log, which requests read at
 * most every `checkIntervalMs` (the delivery suite steps that through on a clock of its own):
 * polls with requests alone, no purge by hand, until the page shows `text`.
 */
const expectFollowed = async (path: string, text: string) => {
  await waitFor(async () => (await get(path)).body.includes(text), {
    what: `${path} to show ${JSON.stringify(text)}`,
  })
}

beforeAll(async () => {
  ctx = await startTestPayload()
  const seeded = await seedPiece({ payload: ctx.payload })
  if (seeded.status !== 'seeded') {
    throw new Error('the piece was not seeded')
  }
  articleId = seeded.articleId
  const other = await ctx.payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      dek: 'Elsewhere.',
      headline: `Another story ${unique()}`,
      stage: 'ready',
    },
  })
  otherSlug = other.slug as string
  pages = sitePageCache({
    payload: ctx.payload,
    settings: {
      enabled: true,
      maxBytes: 8 * 1024 * 1024,
      policy: { sMaxAge: 60, staleIfError: 86400, staleWhileRevalidate: 30 },
    },
  })
  server = await startServer({
    fallback: fakeNext,
    first: [pages.handler],
    host: '127.0.0.1',
    payload: ctx.payload,
    port: 0,
  })
  pages.setOrigin(server.url)
  // Let the seed's changes settle: each is purged once more when seen committed.
  await settleWrites(ctx.payload)
})

afterAll(async () => {
  // Not server.shutdown(): that closes the database before the last hooks have run.
  server?.server.closeAllConnections()
  await new Promise((resolve) => server?.server.close(resolve))
  await ctx?.payload.destroy()
})

describe('hits, misses and 304s', () => {
  it('renders a page once, then answers it from memory with the CDN headers', async () => {
    const before = rendered.length
    const miss = await get(STORY)
    expect(miss.status).toBe(200)
    expect(miss.headers.get('x-cache')).toBe('MISS')
    const hit = await get(STORY)
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.body).toBe(miss.body)
    expect(rendered.length - before).toBeLessThanOrEqual(1)
    expect(hit.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400',
    )
    // fetch asks for gzip: that variant's tag.
    expect(hit.headers.get('etag')).toMatch(/^"[\w-]{43}\.gz"$/)
    expect(hit.headers.get('vary')).toBe('Accept-Encoding')
    // Answered before express, a hit still carries the security headers every response has.
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff')
    expect(hit.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    // Next's own `no-store` is not what readers get from the cache.
    expect(hit.headers.get('cache-control')).not.toContain('no-store')
  })

  it('names every document the page shows in Surrogate-Key and Cache-Tag', async () => {
    const article = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: articleId })
    const keys = (await get(STORY)).headers.get('surrogate-key')?.split(' ') ?? []
    expect(keys).toContain(`articles:${articleId}`)
    for (const id of (article.quotes ?? []).map(idOf)) {
      expect(keys).toContain(`quotes:${id}`)
    }
    for (const id of (article.cases ?? []).map(idOf)) {
      expect(keys).toContain(`cases:${id}`)
    }
    for (const id of (article.relatedCoverage ?? []).map(idOf)) {
      expect(keys).toContain(`related-stories:${id}`)
    }
    expect((await get(STORY)).headers.get('cache-tag')).toBe(keys.join(','))
    // Every page's header lists the sections.
    expect(keys).toContain('list:sections')
    // The front page also shows the editors' choice (the front-page global).
    expect((await get('/')).headers.get('surrogate-key')).toBe(
      'list:articles global:front-page list:sections',
    )
  })

  it('answers 304 to its ETag, and sends gzip and brotli variants with their own tags', async () => {
    const plain = await get(STORY)
    const etag = plain.headers.get('etag') as string
    const notModified = await fetch(`${server.url}${STORY}`, { headers: { 'if-none-match': etag } })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')

    const raw = (encoding: string) =>
      new Promise<{ body: Buffer; headers: Record<string, unknown> }>((resolve, reject) => {
        import('node:http').then(({ default: http }) =>
          http
            .get(`${server.url}${STORY}`, { headers: { 'accept-encoding': encoding } }, (res) => {
              const chunks: Buffer[] = []
              res.on('data', (chunk: Buffer) => chunks.push(chunk))
              res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.headers }))
            })
            .on('error', reject),
        )
      })
    const br = await raw('gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body)
    expect(br.headers.etag).not.toBe(etag)
    const gz = await raw('gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(plain.body)
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(plain.body) / 3)
    const identity = await raw('br;q=0, gzip;q=0')
    expect(identity.headers['content-encoding']).toBeUndefined()
  })

  it('renders concurrent misses of one page once', async () => {
    pages.cache.invalidate()
    const before = rendered.length
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(STORY)))
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1)
    expect(rendered.length - before).toBe(1)
  })

  it('keeps 404s briefly, and forgets them once the article is published', async () => {
    const draft = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'draft', headline: `Embargoed ${unique()}` },
      draft: true,
    })
    const path = `/news/${draft.slug}`
    expect((await get(path)).status).toBe(404)
    const again = await get(path)
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(again.headers.get('cache-control')).toContain('s-maxage=10')
    await update('articles', draft.id, { _status: 'published' })
    expect((await get(path)).status).toBe(200)
  })

  it('stays within its byte budget, dropping the least recently used pages', async () => {
    const small = createPageCache({
      feed: { isFresh: () => true, subscribe: () => () => {} } as never,
      maxBytes: 40_000,
      render: async (path) => ({
        body: Buffer.from(`${path} ${Math.random()}`.repeat(200)),
        headers: { 'content-type': 'text/html' },
        status: 200,
      }),
    })
    const route = { notFoundKeys: [], recordsKeys: false, staticKeys: ['k'] }
    for (let index = 0; index < 20; index += 1) {
      await small.miss(`/p${index}`, route, `/p${index}`)
    }
    expect(small.stats().bytes).toBeLessThanOrEqual(40_000)
    expect(small.get('/p19')).toBeDefined()
    expect(small.get('/p0')).toBeUndefined()
  })

  it('keeps one entry per page whatever Host a reader sends, and renders nothing more for it', async () => {
    await get(STORY)
    const before = { entries: pages.cache.stats().entries, rendered: rendered.length }
    for (const host of ['forged.example', 'other.example:8080', 'localhost']) {
      const answer = await new Promise<{ status?: number; xCache?: string }>((resolve, reject) => {
        const url = new URL(STORY, server.url)
        http
          .get(url, { headers: { host } }, (response) => {
            response.resume()
            response.on('end', () =>
              resolve({ status: response.statusCode, xCache: String(response.headers['x-cache']) }),
            )
          })
          .on('error', reject)
      })
      expect({ host, ...answer }).toEqual({ host, status: 200, xCache: 'HIT' })
    }
    expect({ entries: pages.cache.stats().entries, rendered: rendered.length }).toEqual(before)
  })
})

describe('the request log', () => {
  it('writes one line for each hit and miss the cache answers, and one for what express answers', async () => {
    const entries = await captureRequestLog(
      async () => {
        await get(`/news/${otherSlug}`)
        await get(`/news/${otherSlug}`, { 'x-request-id': 'reader-42' })
        await get('/nowhere?x=1')
      },
      { lines: 4 },
    )
    expect(entries.map(({ path, render, status }) => ({ path, render, status }))).toEqual([
      // The miss: Next's render of it (through express) finishes before the reader's answer.
      { path: `/news/${otherSlug}`, render: true, status: 200 },
      { path: `/news/${otherSlug}`, render: undefined, status: 200 },
      { path: `/news/${otherSlug}`, render: undefined, status: 200 },
      { path: '/nowhere?x=1', render: undefined, status: 418 },
    ])
    expect(entries[2]).toMatchObject({ level: 'info', method: 'GET', requestId: 'reader-42' })
    // The cache's answers send no request id back, so they log only one the request came with.
    expect(entries[1].requestId).toBeUndefined()
    expect(typeof entries[1].durationMs).toBe('number')
  })
})

describe('never cached', () => {
  it('passes staff sessions, tokens, draft mode and unknown query strings to Next, uncached', async () => {
    await get(STORY)
    const before = passedThrough
    const bypassing: Record<string, string>[] = [
      { cookie: 'theme=dark; payload-token=abc' },
      { authorization: 'JWT abc' },
      { cookie: '__prerender_bypass=1' },
      { rsc: '1' },
    ]
    for (const headers of bypassing) {
      const page = await get(STORY, headers)
      expect(page.headers.get('x-cache')).toBeNull()
      expect(page.headers.get('cache-control')).toContain('no-store')
    }
    expect((await get(`${STORY}?utm=1`)).headers.get('x-cache')).toBeNull()
    expect(passedThrough - before).toBe(5)
    // Another cookie is no reason to miss.
    expect((await get(STORY, { cookie: 'theme=dark' })).headers.get('x-cache')).toBe('HIT')
    // Nor is another method a reason to answer.
    const post = await fetch(`${server.url}${STORY}`, { method: 'POST' })
    expect(post.headers.get('x-cache')).toBeNull()
    expect(passedThrough - before).toBe(6)
  })

  it('keeps serving the live story while a draft of it is saved, and never shows the draft', async () => {
    await get(STORY)
    const draftHeadline = `Draft headline ${unique()}`
    await ctx.payload.update({
      collection: 'articles',
      data: { headline: draftHeadline },
      draft: true,
      id: articleId,
    })
    const page = await get(STORY)
    expect(page.headers.get('x-cache')).toBe('HIT')
    expect(page.body).not.toContain(draftHeadline)
    pages.cache.invalidate()
    expect((await get(STORY)).body).not.toContain(draftHeadline)
  })
})

describe('freshness on this instance: each kind of change is on the page at the next request', () => {
  it('an article: its headline, without purging other stories', async () => {
    await get(`/news/${otherSlug}`)
    await get(STORY)
    const headline = `Sessions overturns asylum precedent ${unique()}`
    await update('articles', articleId, { _status: 'published', headline })
    await expectOnNextRequest(STORY, headline)
    await expectOnNextRequest('/', headline)
    expect((await get(`/news/${otherSlug}`)).headers.get('x-cache')).toBe('HIT')
  })

  it('a quote', async () => {
    const article = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: articleId })
    const text = `Quoted words ${unique()}`
    await get(STORY)
    await update('quotes', idOf(article.quotes?.[0]) as number, { text })
    await expectOnNextRequest(STORY, text)
  })

  it('a case', async () => {
    const article = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: articleId })
    const citation = `21 I. and N. Dec. ${unique()}`
    await get(STORY)
    await update('cases', idOf(article.cases?.[0]) as number, { citation })
    await expectOnNextRequest(STORY, citation)
  })

  it('a related story', async () => {
    const article = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: articleId })
    const headline = `Saudi teen settles in Canada ${unique()}`
    await get(STORY)
    await update('related-stories', idOf(article.relatedCoverage?.[0]) as number, { headline })
    await expectOnNextRequest(STORY, headline)
  })

  it('media', async () => {
    const png = await sharp({ create: { background: '#345', channels: 3, height: 6, width: 9 } })
      .png()
      .toBuffer()
    const media = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'The Justice Department building' },
      file: { data: png, mimetype: 'image/png', name: `hero-${unique()}.png`, size: png.length },
    })
    await update('articles', articleId, { hero: { image: media.id } })
    await expectOnNextRequest(STORY, 'The Justice Department building')
    expect((await get(STORY)).headers.get('surrogate-key')).toContain(`media:${media.id}`)
    const alt = `The Robert F. Kennedy building ${unique()}`
    await update('media', media.id, { alt })
    await expectOnNextRequest(STORY, alt)
  })

  it('a byline', async () => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: {
        email: `reporter-${unique()}@newsroom.test`,
        name: 'Dara Lind',
        password: 'a-long-enough-password',
        roles: ['writer'],
      },
    })
    await update('articles', articleId, { bylines: [{ author: user.id }] })
    await expectOnNextRequest(STORY, 'Dara Lind')
    expect((await get(STORY)).headers.get('surrogate-key')).toContain(`users:${user.id}`)
    await update('users', user.id, { name: 'Dara Lind-Smith' })
    await expectOnNextRequest(STORY, 'Dara Lind-Smith')
  })

  it('an unpublish: the page becomes a 404', async () => {
    const created = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', headline: `Short-lived ${unique()}`, stage: 'ready' },
    })
    const path = `/news/${created.slug}`
    expect((await get(path)).status).toBe(200)
    await update('articles', created.id, { _status: 'draft' })
    expect((await get(path)).status).toBe(404)
  })
})

describe('freshness of what the body links to and cites', () => {
  /** The write that removed `text` purged the page: the next request no longer shows it. */
  const expectGoneOnNextRequest = async (path: string, text: string) => {
    expect((await get(path)).body).not.toContain(text)
  }

  it('purges a story when a story its body links to, or a case it cites, changes', async () => {
    const target = await ctx.payload.create({
      collection: 'articles',
      data: {
        _status: 'published',
        dek: 'The ruling.',
        headline: `Court blocks the rule ${unique()}`,
        stage: 'ready',
      },
    })
    const cited = await ctx.payload.create({
      collection: 'cases',
      data: {
        caption: `Matter of Linked ${unique()}`,
        citation: '28 I. and N. Dec. 1',
        status: 'good-law',
      },
    })
    const paragraph = (children: unknown[]) => ({
      type: 'paragraph',
      children,
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      version: 1,
    })
    const text = (value: string) => ({
      type: 'text',
      detail: 0,
      format: 0,
      mode: 'normal',
      style: '',
      text: value,
      version: 1,
    })
    const linking = await ctx.payload.create({
      collection: 'articles',
      data: {
        _status: 'published',
        body: {
          root: {
            type: 'root',
            children: [
              paragraph([
                text('As we reported, '),
                {
                  type: 'link',
                  children: [text('the court ruled')],
                  direction: 'ltr',
                  fields: {
                    doc: { relationTo: 'articles', value: target.id },
                    linkType: 'internal',
                    newTab: false,
                  },
                  format: '',
                  indent: 0,
                  version: 3,
                },
                text(' under '),
                {
                  type: 'inlineBlock',
                  fields: { id: `case-${unique()}`, blockType: 'caseCitation', case: cited.id },
                  version: 1,
                },
                text('.'),
              ]),
            ],
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
          },
        },
        dek: 'Follow-up.',
        headline: `What the ruling means ${unique()}`,
        stage: 'ready',
      },
    })
    // The writes are purged once more when seen committed: let that happen before a hit counts.
    await settleWrites(ctx.payload)
    const path = `/news/${linking.slug}`
    const first = await get(path)
    expect(first.body).toContain(`href="/news/${target.slug}"`)
    expect(first.body).toContain('28 I. and N. Dec. 1')
    const keys = first.headers.get('surrogate-key')?.split(' ') ?? []
    expect(keys).toContain(`articles:${target.id}`)
    expect(keys).toContain(`cases:${cited.id}`)
    expect((await get(path)).headers.get('x-cache')).toBe('HIT')

    // What the link shows of the story it points at.
    const headline = `Court blocks the rule nationwide ${unique()}`
    await update('articles', target.id, { headline })
    await expectOnNextRequest(path, escapeText(headline))
    // The cited case.
    const citation = `28 I. and N. Dec. ${unique()}`
    await update('cases', cited.id, { citation })
    await expectOnNextRequest(path, citation)
    // Unpublished, the story is no longer a link.
    await update('articles', target.id, { _status: 'draft' })
    await expectGoneOnNextRequest(path, `href="/news/${target.slug}"`)
  })
})

describe('freshness across instances sharing the database', () => {
  it('follows a change another instance made, by requests alone, and only on the pages it touches', async () => {
    const article = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: articleId })
    await get(STORY)
    await get(`/news/${otherSlug}`)
    const text = `Said elsewhere ${unique()}`
    await remoteUpdate('quotes', idOf(article.quotes?.[1]) as number, { text })
    await expectFollowed(STORY, text)
    expect((await get(`/news/${otherSlug}`)).headers.get('x-cache')).toBe('HIT')
  })

  it('follows an article published elsewhere onto the front page', async () => {
    await get('/')
    const headline = `Published elsewhere ${unique()}`
    const draft = await ctx.payload.create({
      collection: 'articles',
      context: { [SKIP_LOCAL_DELIVERY_INVALIDATION]: true },
      data: { _status: 'draft', headline },
      draft: true,
    })
    await remoteUpdate('articles', draft.id, { _status: 'published' })
    await expectFollowed('/', headline)
  })
})

describe('the purge callback', () => {
  it('receives the keys of each committed change, once it has committed', async () => {
    const calls: string[][] = []
    const custom = ctx.payload.config.custom as Record<string, unknown>
    const saved = custom.newsroomCache
    custom.newsroomCache = { onPurge: (keys: string[]) => void calls.push(keys) }
    try {
      const article = await ctx.payload.findByID({
        collection: 'articles',
        depth: 0,
        id: articleId,
      })
      const quoteId = idOf(article.quotes?.[2])
      await update('quotes', quoteId as number, { text: `Purged ${unique()}` })
      await waitFor(() => calls.length > 0, { what: 'the purge callback to be called' })
      // The quote, the API's list of quotes, and its speaker's person: their page lists what
      // they said.
      const quote = await ctx.payload.findByID({
        collection: 'quotes',
        depth: 0,
        id: quoteId as number,
      })
      expect(calls[0]).toEqual([
        `quotes:${quoteId}`,
        'api-list:quotes',
        `people:${idOf(quote.speaker.person)}`,
      ])
      await update('articles', articleId, { dek: `A new dek ${unique()}` })
      await waitFor(
        () =>
          calls.some((keys) => keys.includes(`articles:${articleId}`)) &&
          calls.some((keys) => keys.includes('list:articles')),
        { what: "the purge callback to be given the article's keys and the list's" },
      )
    } finally {
      custom.newsroomCache = saved
    }
  })
})
