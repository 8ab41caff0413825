import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { freshDatabaseUri } from './helpers/database'
import { doc, paragraph, upload } from './helpers/lexical'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'

/**
 * What a story page tells search engines and social networks, read from the production server
 * as a crawler reads it: Open Graph and Twitter cards, an absolute canonical URL, the feed
 * link, NewsArticle JSON-LD with a publisher, and the dates and stage readers and editors see.
 * The production server also runs this branch's migrations on an empty database.
 */

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const HEADLINE = 'Sessions overturns asylum precedent for women fleeing domestic violence'

let app: ProductionApp
let token: string

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Every `<meta>` of a page as [property or name, content] pairs, in order. */
const metaTags = (html: string): [string, string][] =>
  [...html.matchAll(/<meta\s[^>]*>/g)].flatMap(([tag]) => {
    const key = tag.match(/\s(?:property|name)="([^"]+)"/)?.[1]
    const content = tag.match(/\scontent="([^"]*)"/)?.[1]
    return key && content !== undefined ? [[key, decode(content)] as [string, string]] : []
  })

const meta = (html: string, key: string): string | undefined =>
  metaTags(html).find(([name]) => name === key)?.[1]

const links = (html: string, rel: string) =>
  [...html.matchAll(/<link\s[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => tag.includes(`rel="${rel}"`))

const hrefOf = (tag: string | undefined) => decode(tag?.match(/href="([^"]+)"/)?.[1] ?? '')

const jsonLdOf = (html: string) =>
  JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? 'null')

const page = async (path: string) => {
  const response = await fetch(`${app.baseUrl}${path}`)
  expect(response.status).toBe(200)
  return response.text()
}

const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${app.baseUrl}${path}`, {
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    headers: {
      authorization: `JWT ${token}`,
      ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    method,
  })
  return { body: await response.json(), status: response.status }
}

const uploadPng = async (width: number, height: number, name: string, alt: string) => {
  const png = await sharp({ create: { background: '#357', channels: 3, height, width } })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name)
  form.append('_payload', JSON.stringify({ alt, credit: 'Staff photographer' }))
  const { body, status } = await api('POST', '/api/media', form)
  expect(status).toBe(201)
  return body.doc as { id: number | string; filename: string }
}

const pieceId = async () => {
  const { body } = await api('GET', `/api/articles?where[slug][equals]=${SLUG}&depth=0`)
  return body.docs[0] as { id: number | string; stage: string }
}

beforeAll(async () => {
  await ensureProductionBuild()
  app = await startProductionApp({
    databaseUri: await freshDatabaseUri(),
    env: { NEWSROOM_SEED: 'true' },
  })
  const first = await fetch(`${app.baseUrl}/api/users/first-register`, {
    body: JSON.stringify({
      name: 'Ada Admin',
      email: 'ada@newsroom.test',
      password: 'a long enough password',
      roles: ['admin'],
    }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  expect(first.status).toBe(200)
  token = (await first.json()).token
}, 900_000)

afterAll(async () => {
  app?.signal('SIGTERM')
  await app?.exited
})

describe('the seeded piece', () => {
  it('has Open Graph article tags with the date readers see, and an absolute canonical URL', async () => {
    const html = await page(`/news/${SLUG}`)
    const url = `${app.baseUrl}/news/${SLUG}`
    expect(hrefOf(links(html, 'canonical')[0])).toBe(url)
    expect(meta(html, 'og:type')).toBe('article')
    expect(meta(html, 'og:url')).toBe(url)
    expect(meta(html, 'og:title')).toBe(HEADLINE)
    expect(meta(html, 'og:site_name')).toBe('Newsroom')
    expect(meta(html, 'og:description')).toEqual(expect.stringContaining('asylum'))
    expect(meta(html, 'article:published_time')).toBe('2018-06-12T12:00:00.000Z')
    // Seeded in 2026, never changed for readers since 2018.
    expect(meta(html, 'article:modified_time')).toBeUndefined()
    expect(meta(html, 'twitter:title')).toBe(HEADLINE)
    expect(meta(html, 'twitter:card')).toBe('summary')
  })

  it('links the RSS feed, as the README promises', async () => {
    const html = await page(`/news/${SLUG}`)
    const feed = links(html, 'alternate').find((tag) => tag.includes('application/rss+xml'))
    expect(hrefOf(feed)).toBe(`${app.baseUrl}/feed.xml`)
    expect((await fetch(`${app.baseUrl}/feed.xml`)).status).toBe(200)
  })

  it('shows publishedAt, and no "Updated" for the seed\'s own write', async () => {
    const html = await page(`/news/${SLUG}`)
    expect(html).toContain('Published <time dateTime="2018-06-12T12:00:00.000Z">')
    expect(html).not.toContain('Updated')
  })

  it('names the publisher and its logo in the JSON-LD, and serves the logo', async () => {
    const jsonLd = jsonLdOf(await page(`/news/${SLUG}`))
    expect(jsonLd.publisher).toEqual({
      '@type': 'Organization',
      logo: { '@type': 'ImageObject', height: 60, url: `${app.baseUrl}/logo.png`, width: 600 },
      name: 'Newsroom',
      url: `${app.baseUrl}/`,
    })
    const logo = await fetch(jsonLd.publisher.logo.url)
    expect(logo.status).toBe(200)
    expect(logo.headers.get('content-type')).toBe('image/png')
    const { height, width } = await sharp(Buffer.from(await logo.arrayBuffer())).metadata()
    expect({ height, width }).toEqual({ height: 60, width: 600 })
  })

  it('sits at the stage "Published" on the desk', async () => {
    expect((await pieceId()).stage).toBe('published')
  })
})

describe('a share image and SEO texts an editor sets', () => {
  it('reach og:image (stored 1600 size, with width and height), Twitter and the title', async () => {
    const image = await uploadPng(2000, 1000, 'asylum-share.png', 'Protesters outside the court')
    const { id } = await pieceId()
    const saved = await api('PATCH', `/api/articles/${id}`, {
      _status: 'published',
      meta: {
        description: 'The Attorney General ended asylum for most domestic-violence victims.',
        image: image.id,
        title: 'Sessions ends asylum precedent for abused women',
      },
    })
    expect(saved.status).toBe(200)

    const html = await page(`/news/${SLUG}`)
    const base = image.filename.replace(/\.png$/, '')
    expect(meta(html, 'og:image')).toBe(`${app.baseUrl}/api/media/file/${base}-1600x800.png`)
    expect(meta(html, 'og:image:width')).toBe('1600')
    expect(meta(html, 'og:image:height')).toBe('800')
    expect(meta(html, 'og:image:alt')).toBe('Protesters outside the court')
    expect(meta(html, 'twitter:card')).toBe('summary_large_image')
    expect(meta(html, 'twitter:image')).toBe(meta(html, 'og:image'))
    expect(meta(html, 'og:title')).toBe('Sessions ends asylum precedent for abused women')
    expect(meta(html, 'description')).toBe(
      'The Attorney General ended asylum for most domestic-violence victims.',
    )
    expect(html).toContain(
      '<title>Sessions ends asylum precedent for abused women — Newsroom</title>',
    )
    // The page still leads with the story's own headline.
    expect(html).toContain(`<h1>${HEADLINE}</h1>`)
    const image0 = await fetch(meta(html, 'og:image') as string)
    expect(image0.status).toBe(200)

    // A republish of a live story is a real update: readers see when.
    const revisedAt = saved.body.doc.revisedAt as string
    expect(Date.parse(revisedAt)).toBeGreaterThan(Date.parse('2026-01-01'))
    expect(html).toContain(`Updated <time dateTime="${revisedAt}">`)
    expect(meta(html, 'article:modified_time')).toBe(revisedAt)
    expect(meta(html, 'article:published_time')).toBe('2018-06-12T12:00:00.000Z')
    const jsonLd = jsonLdOf(html)
    expect(jsonLd.image[0].url).toBe(meta(html, 'og:image'))
    expect(jsonLd.dateModified).toBe(revisedAt)
  })
})

describe('other pages', () => {
  it('gives a case page its canonical URL and cards', async () => {
    const html = await page('/cases/matter-of-a-r-c-g')
    expect(hrefOf(links(html, 'canonical')[0])).toBe(`${app.baseUrl}/cases/matter-of-a-r-c-g`)
    expect(meta(html, 'og:url')).toBe(`${app.baseUrl}/cases/matter-of-a-r-c-g`)
    expect(meta(html, 'og:title')).toBe('Matter of A-R-C-G-')
    expect(meta(html, 'twitter:card')).toBe('summary')
  })

  it('gives the front page its canonical URL and website cards', async () => {
    const html = await page('/')
    // Next writes the root URL without its slash; both name the same page.
    expect([app.baseUrl, `${app.baseUrl}/`]).toContain(hrefOf(links(html, 'canonical')[0]))
    expect(meta(html, 'og:type')).toBe('website')
    expect([app.baseUrl, `${app.baseUrl}/`]).toContain(meta(html, 'og:url'))
  })

  it('renders an in-body photo with srcset, caption and credit on the story page', async () => {
    const image = await uploadPng(1800, 1200, 'in-body.png', 'The courtroom')
    const created = await api('POST', '/api/articles', {
      _status: 'published',
      body: doc(paragraph('Inside the court.'), upload(image.id, { caption: 'Room 4B.' })),
      headline: 'Inside the immigration court',
    })
    expect(created.status).toBe(201)
    const html = await page(`/news/${created.body.doc.slug}`)
    const figure = html.match(/<figure class="image">.*?<\/figure>/s)?.[0] ?? ''
    expect(figure).toContain('alt="The courtroom"')
    expect(figure).toMatch(/srcSet="[^"]+ 400w, [^"]+ 800w, [^"]+ 1600w, [^"]+ 1800w"/)
    expect(figure).toContain(
      '<figcaption>Room 4B.<span class="credit">Staff photographer</span></figcaption>',
    )
    // No share image set: the cards fall back to the in-story hero, which this story lacks.
    expect(meta(html, 'og:image')).toBeUndefined()
  })
})
