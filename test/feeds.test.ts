import type { Config, Payload } from 'payload'

import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import type { Article } from '../src/host/payload-types'

import { PRESERVE_PUBLISHING_DATES } from '../fields/publishingDates'
import { newsroomPlugin } from '../src/index'
import { renderContentSitemap } from '../src/host/site/feeds/renderContentSitemap'
import { renderNewsSitemap } from '../src/host/site/feeds/renderNewsSitemap'
import { renderPagesSitemap } from '../src/host/site/feeds/renderPagesSitemap'
import { renderRssFeed } from '../src/host/site/feeds/renderRssFeed'
import { renderSitemapIndex } from '../src/host/site/feeds/renderSitemapIndex'
import { siteSettings } from '../src/siteSettings'
import { renderNinjs } from '../src/delivery/renderNinjs'
import type { DeliveryArticle } from '../src/delivery/types'
import { caseCitation, doc, paragraph } from './helpers/lexical'
import { siteOrigin } from '../src/host/site/siteOrigin'
import { startTestPayload, type TestPayload } from './helpers/payload'

const ORIGIN = 'https://news.example'
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const NOW = new Date()
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString()

const HOSTILE_HEADLINE = 'Judge & jury: <script>alert("x")</script> isn\'t over ]]> yet'
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

let ctx: TestPayload
const stories: Record<string, { firstPublishedAt: string; id: number | string; slug: string }> = {}

const parser = new XMLParser({
  attributeNamePrefix: '@_',
  ignoreAttributes: false,
  isArray: (name) => ['category', 'dc:creator', 'item', 'sitemap', 'url'].includes(name),
  parseTagValue: false,
})

/** Fails unless the document is well-formed XML, then parses it. */
const parseXml = (xml: string): any => {
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml)
}

const rss = async (payload: Payload = ctx.payload, limit?: number) =>
  parseXml(await renderRssFeed({ limit, now: NOW, origin: ORIGIN, payload })).rss.channel

const rssTitles = async () => ((await rss()).item ?? []).map((item: any) => item.title)

const newsUrls = async (payload: Payload = ctx.payload) =>
  parseXml(await renderNewsSitemap({ now: NOW, origin: ORIGIN, payload })).urlset.url ?? []

const articleLocs = async () =>
  (
    parseXml(
      (await renderContentSitemap({
        origin: ORIGIN,
        page: 1,
        payload: ctx.payload,
        source: 'articles',
      })) as string,
    ).urlset.url ?? []
  ).map((url: any) => url.loc)

const storyUrl = (key: string) => `${ORIGIN}/news/${stories[key].slug}`

/** Publishes a story with the dates an import would bring (the server keeps them). */
const publish = async (
  key: string,
  data: Partial<Article> & { firstPublishedAt: string; headline: string },
) => {
  const doc = await ctx.payload.create({
    collection: 'articles',
    context: { [PRESERVE_PUBLISHING_DATES]: true },
    data: { _status: 'published', publishedAt: data.firstPublishedAt, stage: 'ready', ...data },
  })
  stories[key] = {
    firstPublishedAt: data.firstPublishedAt,
    id: doc.id,
    slug: doc.slug as string,
  }
  return doc
}

beforeAll(async () => {
  ctx = await startTestPayload()
  // Readers, and so the sitemaps, see a case while a live story cites it.
  const cited = await ctx.payload.create({
    collection: 'cases',
    data: {
      caption: 'Matter of A-B-',
      citation: '27 I&N Dec. 316 (A.G. 2018)',
      status: 'good-law',
    },
  })
  await ctx.payload.create({
    collection: 'cases',
    data: { caption: 'Matter of Not-Yet-Cited', status: 'good-law' },
  })
  const national = await ctx.payload.create({ collection: 'sections', data: { name: 'National' } })
  const topics = []
  for (const name of ['Immigration', 'Courts & law']) {
    topics.push((await ctx.payload.create({ collection: 'topics', data: { name } })).id)
  }
  await publish('hostile', {
    bylines: [{ credit: 'Ana Díaz & Bo <Lee>' }, { credit: 'Staff' }],
    dek: 'A bell\u0007 rang & the court <adjourned>.',
    firstPublishedAt: ago(HOUR),
    headline: HOSTILE_HEADLINE,
    section: national.id,
    topics,
  })
  await publish('threeDays', {
    cases: [cited.id],
    firstPublishedAt: ago(3 * DAY),
    headline: 'Three days old',
  })
  // First published ten days ago; an editor moved the date readers see to two hours ago.
  await publish('redated', {
    firstPublishedAt: ago(10 * DAY),
    headline: 'Re-dated story',
    publishedAt: ago(2 * HOUR),
  })
  const live = await publish('liveWithDraft', {
    firstPublishedAt: ago(5 * DAY),
    headline: 'Live headline',
  })
  await ctx.payload.update({
    collection: 'articles',
    data: { headline: 'Unpublished rewrite of the live story' },
    draft: true,
    id: live.id,
  })
  await ctx.payload.create({
    collection: 'articles',
    data: { _status: 'draft', headline: 'Draft-only scoop' },
    draft: true,
  })
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('the RSS feed', () => {
  it('is well-formed RSS 2.0 describing the site', async () => {
    const xml = await renderRssFeed({ now: NOW, origin: ORIGIN, payload: ctx.payload })
    const { rss: feed } = parseXml(xml)
    expect(feed['@_version']).toBe('2.0')
    expect(feed.channel).toMatchObject({
      'atom:link': { '@_href': `${ORIGIN}/feed.xml`, '@_rel': 'self' },
      description: 'The latest stories from Newsroom.',
      language: 'en',
      link: `${ORIGIN}/`,
      title: 'Newsroom',
    })
    expect(feed.channel.lastBuildDate).toMatch(RFC_822)
  })

  it('lists published stories only, newest publishedAt first', async () => {
    expect(await rssTitles()).toEqual([
      HOSTILE_HEADLINE,
      'Re-dated story',
      'Three days old',
      'Live headline',
    ])
  })

  it('never shows a draft, nor a pending draft of a live story', async () => {
    const xml = await renderRssFeed({ now: NOW, origin: ORIGIN, payload: ctx.payload })
    expect(xml).not.toContain('Draft-only scoop')
    expect(xml).not.toContain('Unpublished rewrite')
  })

  it('keeps headlines with markup as text, and the document well-formed', async () => {
    const xml = await renderRssFeed({ now: NOW, origin: ORIGIN, payload: ctx.payload })
    expect(xml).not.toContain('<script>')
    const [item] = (await rss()).item
    expect(item.title).toBe(HOSTILE_HEADLINE)
    // The bell character is not allowed in XML at all: dropped, the rest kept.
    expect(item.description).toBe('A bell rang & the court <adjourned>.')
    expect(item['dc:creator']).toEqual(['Ana Díaz & Bo <Lee>', 'Staff'])
    expect(item.category).toEqual(['National', 'Immigration', 'Courts & law'])
  })

  it('links each story at its absolute page URL, as a permalink guid', async () => {
    const [item] = (await rss()).item
    expect(item.link).toBe(storyUrl('hostile'))
    expect(item.guid).toEqual({ '#text': storyUrl('hostile'), '@_isPermaLink': 'true' })
  })

  it('dates each story by its first publication, in RFC 822', async () => {
    const items = (await rss()).item
    for (const item of items) {
      expect(item.pubDate).toMatch(RFC_822)
    }
    const redated = items.find((item: any) => item.title === 'Re-dated story')
    expect(redated.pubDate).toBe(new Date(stories.redated.firstPublishedAt).toUTCString())
  })

  it('carries at most the given number of stories, the newest', async () => {
    const items = (await rss(ctx.payload, 2)).item
    expect(items.map((item: any) => item.title)).toEqual([HOSTILE_HEADLINE, 'Re-dated story'])
  })
})

describe('the Google News sitemap', () => {
  it('lists stories first published in the last two days, not older ones', async () => {
    const urls = await newsUrls()
    expect(urls.map((url: any) => url.loc)).toEqual([storyUrl('hostile')])
  })

  it('names the publication and dates and titles each story', async () => {
    const xml = await renderNewsSitemap({ now: NOW, origin: ORIGIN, payload: ctx.payload })
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    const [url] = (await newsUrls()) as any[]
    expect(url['news:news']).toEqual({
      'news:publication': { 'news:language': 'en', 'news:name': 'Newsroom' },
      'news:publication_date': stories.hostile.firstPublishedAt,
      'news:title': HOSTILE_HEADLINE,
    })
  })

  it('moves with time: three days on, the story has left', async () => {
    const later = new Date(NOW.getTime() + 3 * DAY)
    const xml = await renderNewsSitemap({ now: later, origin: ORIGIN, payload: ctx.payload })
    expect(parseXml(xml).urlset.url).toBeUndefined()
  })
})

describe('the sitemaps', () => {
  it('has an index pointing at the pages, articles, cases and news sitemaps', async () => {
    const xml = await renderSitemapIndex({ origin: ORIGIN, payload: ctx.payload })
    const { sitemapindex } = parseXml(xml)
    expect(sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(sitemapindex.sitemap.map((entry: any) => entry.loc)).toEqual([
      `${ORIGIN}/sitemaps/pages.xml`,
      `${ORIGIN}/sitemaps/articles/1.xml`,
      `${ORIGIN}/sitemaps/cases/1.xml`,
      `${ORIGIN}/sitemaps/news.xml`,
    ])
  })

  it('lists every published story with its last change, and no drafts', async () => {
    const xml = (await renderContentSitemap({
      origin: ORIGIN,
      page: 1,
      payload: ctx.payload,
      source: 'articles',
    })) as string
    const { urlset } = parseXml(xml)
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(urlset.url.map((url: any) => url.loc).sort()).toEqual(
      ['hostile', 'threeDays', 'redated', 'liveWithDraft'].map(storyUrl).sort(),
    )
    const live = await ctx.payload.findByID({
      collection: 'articles',
      draft: false,
      id: stories.liveWithDraft.id,
    })
    const entry = urlset.url.find((url: any) => url.loc === storyUrl('liveWithDraft'))
    expect(entry.lastmod).toBe(new Date(live.updatedAt).toISOString())
    expect(xml).not.toContain('draft-only-scoop')
  })

  it('lists the cases and the front page', async () => {
    const cases = parseXml(
      (await renderContentSitemap({
        origin: ORIGIN,
        page: 1,
        payload: ctx.payload,
        source: 'cases',
      })) as string,
    )
    expect(cases.urlset.url).toEqual([
      { lastmod: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), loc: `${ORIGIN}/cases/matter-of-a-b` },
    ])
    const pages = parseXml(renderPagesSitemap({ origin: ORIGIN }))
    expect(pages.urlset.url).toEqual([{ loc: `${ORIGIN}/` }])
  })

  it('pages a long list, and has no page past the last', async () => {
    const index = parseXml(
      await renderSitemapIndex({ origin: ORIGIN, pageSize: 3, payload: ctx.payload }),
    )
    expect(index.sitemapindex.sitemap.map((entry: any) => entry.loc)).toContain(
      `${ORIGIN}/sitemaps/articles/2.xml`,
    )
    const page = (number: number) =>
      renderContentSitemap({
        origin: ORIGIN,
        page: number,
        pageSize: 3,
        payload: ctx.payload,
        source: 'articles',
      })
    const first = parseXml((await page(1)) as string).urlset.url
    const second = parseXml((await page(2)) as string).urlset.url
    expect(first).toHaveLength(3)
    expect(second).toHaveLength(1)
    expect(await page(3)).toBeNull()
  })
})

describe('unpublishing', () => {
  it('takes a story out of the feed and every sitemap', async () => {
    const doc = await publish('retracted', {
      firstPublishedAt: ago(HOUR / 2),
      headline: 'Story later retracted',
    })
    expect(await rssTitles()).toContain('Story later retracted')
    expect((await newsUrls()).map((url: any) => url.loc)).toContain(storyUrl('retracted'))
    expect(await articleLocs()).toContain(storyUrl('retracted'))

    await ctx.payload.update({ collection: 'articles', data: { _status: 'draft' }, id: doc.id })

    expect(await rssTitles()).not.toContain('Story later retracted')
    expect((await newsUrls()).map((url: any) => url.loc)).not.toContain(storyUrl('retracted'))
    expect(await articleLocs()).not.toContain(storyUrl('retracted'))
  })
})

describe('the site option', () => {
  it('names the publication and its language in the feed and the news sitemap', async () => {
    const site = { language: 'es', name: 'El Diario & Co' }
    const configured = await newsroomPlugin({ site })({ collections: [] } as unknown as Config)
    expect(siteSettings(configured)).toMatchObject(site)
    // The same database, seen through a config that carries the option.
    const payload = Object.create(ctx.payload, {
      config: { value: { ...ctx.payload.config, custom: configured.custom } },
    }) as Payload
    const channel = await rss(payload)
    expect(channel).toMatchObject({ language: 'es', title: 'El Diario & Co' })
    const [url] = (await newsUrls(payload)) as any[]
    expect(url['news:news']['news:publication']).toEqual({
      'news:language': 'es',
      'news:name': 'El Diario & Co',
    })
  })

  it('defaults to Newsroom, in English, with stories under /news and cases under /cases', async () => {
    const settings = siteSettings(await newsroomPlugin()({} as Config))
    expect(settings).toMatchObject({ language: 'en', name: 'Newsroom' })
    expect(settings.articlePath('a-story')).toBe('/news/a-story')
    expect(settings.casePath('matter-of-a-b')).toBe('/cases/matter-of-a-b')
  })

  it("links stories and cases where the host's site shows them", async () => {
    const site = {
      articlePath: (slug: string) => `/stories/${slug}`,
      casePath: (slug: string) => `/law/${slug}`,
    }
    const configured = await newsroomPlugin({ site })({ collections: [] } as unknown as Config)
    const delivery: any = {
      article: {
        body: doc(paragraph('See ', caseCitation(7), '.')),
        bylines: [],
        corrections: [],
        dateline: null,
        dek: null,
        firstPublishedAt: null,
        headline: 'A headline',
        hero: null,
        meta: { description: null, image: null, title: null },
        revisedAt: null,
        id: 1,
        publishedAt: null,
        section: null,
        slug: 'a-headline',
        topics: [],
        updatedAt: '2026-12-01T00:00:00.000Z',
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
          url: null,
        },
      ],
    }
    // The body's citation, populated as a delivered article carries it.
    const citation = delivery.article.body.root.children[0].children[1]
    citation.fields.case = { caption: 'Matter of A-B-', id: 7, slug: 'matter-of-a-b' }
    const item = renderNinjs(delivery as DeliveryArticle, {
      baseUrl: 'https://news.example',
      paths: siteSettings(configured),
    })
    expect(item.uri).toBe('https://news.example/stories/a-headline')
    expect((item.associations as { uri: string }[])[0].uri).toBe(
      'https://news.example/stories/ours',
    )
    expect((item.bodies as { value: string }[])[0].value).toContain(
      'href="https://news.example/law/matter-of-a-b"',
    )
  })
})

/**
 * The route modules load the app's config, which reads DATABASE_URI as it is imported: they are
 * imported once the test database is chosen.
 */
const routes = async () => ({
  contentSitemap: (await import('../src/app/(site)/sitemaps/[source]/[page]/route')).GET,
  feed: (await import('../src/app/(site)/feed.xml/route')).GET,
  newsSitemap: (await import('../src/app/(site)/sitemaps/news.xml/route')).GET,
  robots: (await import('../src/app/(site)/robots.txt/route')).GET,
  sitemapIndex: (await import('../src/app/(site)/sitemap.xml/route')).GET,
})

describe('the routes', () => {
  const serverUrl = process.env.SERVER_URL
  afterEach(() => {
    if (serverUrl === undefined) {
      delete process.env.SERVER_URL
    } else {
      process.env.SERVER_URL = serverUrl
    }
  })

  /** Without SERVER_URL, links name this server; the request's Host (feeds.test) never. */
  const THIS_SERVER = siteOrigin(null, '')
  const request = (path: string) =>
    new Request(`http://feeds.test${path}`, { headers: { host: 'feeds.test:8080' } })

  it('serves the feed as RSS, cacheable for a minute, with URLs on this server, never the request’s Host', async () => {
    delete process.env.SERVER_URL
    const { feed } = await routes()
    const response = await feed(request('/feed.xml'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    const { channel } = parseXml(await response.text()).rss
    expect(channel.item[0].link).toBe(`${THIS_SERVER}/news/${stories.hostile.slug}`)
  })

  it('uses SERVER_URL for absolute URLs when it is set', async () => {
    process.env.SERVER_URL = 'https://www.newsroom.example/'
    const { sitemapIndex } = await routes()
    const response = await sitemapIndex(request('/sitemap.xml'))
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const { sitemapindex } = parseXml(await response.text())
    expect(sitemapindex.sitemap[0].loc).toBe('https://www.newsroom.example/sitemaps/pages.xml')
  })

  it('serves the news sitemap and each sitemap page, and 404s unknown pages', async () => {
    delete process.env.SERVER_URL
    const { contentSitemap, newsSitemap } = await routes()
    const news = await newsSitemap(request('/sitemaps/news.xml'))
    expect(news.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(parseXml(await news.text()).urlset.url[0].loc).toBe(
      `${THIS_SERVER}/news/${stories.hostile.slug}`,
    )

    const page = (source: string, name: string) =>
      contentSitemap(request(`/sitemaps/${source}/${name}`), {
        params: Promise.resolve({ page: name, source }),
      })
    const cases = await page('cases', '1.xml')
    expect(cases.status).toBe(200)
    expect(await cases.text()).toContain(`${THIS_SERVER}/cases/matter-of-a-b`)
    expect((await page('articles', '2.xml')).status).toBe(404)
    expect((await page('articles', '0.xml')).status).toBe(404)
    expect((await page('users', '1.xml')).status).toBe(404)
  })

  it('points crawlers at the sitemap from robots.txt', async () => {
    delete process.env.SERVER_URL
    const { robots } = await routes()
    const response = robots(request('/robots.txt'))
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const text = await response.text()
    expect(text).toContain(`Sitemap: ${THIS_SERVER}/sitemap.xml`)
    expect(text).toContain('Disallow: /admin')
  })
})
