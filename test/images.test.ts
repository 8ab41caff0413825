import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { XMLParser } from 'fast-xml-parser'
import { renderToStaticMarkup } from 'react-dom/server'
import sharp from 'sharp'

import { loadDeliveryArticle } from '../src/delivery/renderDeliveryArticle'
import { renderNinjs } from '../src/delivery/renderNinjs'
import { renderRssFeed } from '../src/host/site/feeds/renderRssFeed'
import { bodyToHtml } from '../src/lexical/converters/html'
import { NewsroomImage, NewsroomRichText } from '../src/lexical/converters/jsx'
import { siteSettings } from '../src/siteSettings'
import { doc, horizontalRule, paragraph, relationship, upload } from './helpers/lexical'
import { startTestPayload, type TestPayload } from './helpers/payload'

/**
 * Images as readers get them: an in-body photo an editor adds reaches the page, ninjs and RSS
 * with its caption and credit, and every image offers its stored sizes in `srcset` with the
 * focal point kept in a crop. Horizontal rules and relationships reach every output too.
 */

const ORIGIN = 'https://news.example'

let ctx: TestPayload
let storySlug: string
let linkedHeadline: string

const photo = async (width: number, height: number, name: string) => {
  const png = await sharp({ create: { background: '#468', channels: 3, height, width } })
    .png()
    .toBuffer()
  return ctx.payload.create({
    collection: 'media',
    data: {
      alt: 'Asylum seekers wait at the border crossing',
      caption: 'The stored caption.',
      credit: 'Stored Credit',
      focalX: 20,
      focalY: 30,
    },
    file: { data: png, mimetype: 'image/png', name, size: png.length },
  })
}

beforeAll(async () => {
  ctx = await startTestPayload()
  const media = await photo(2400, 1600, `border-crossing-${Date.now()}.png`)
  linkedHeadline = 'An earlier story of ours'
  const linked = await ctx.payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      headline: linkedHeadline,
      slug: 'an-earlier-story',
      stage: 'published',
    },
  })
  storySlug = 'the-border-in-pictures'
  await ctx.payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      body: doc(
        paragraph('Before the photo.'),
        upload(media.id, { caption: 'Families wait at San Ysidro.', credit: 'Ana Díaz' }),
        horizontalRule(),
        relationship('articles', linked.id),
        paragraph('After the photo.'),
      ) as never,
      headline: 'The border in pictures',
      hero: { image: media.id },
      slug: storySlug,
      stage: 'published',
    },
  })
}, 60_000)

afterAll(async () => {
  await ctx?.payload.destroy()
})

const delivered = async () => {
  const loaded = await loadDeliveryArticle({ payload: ctx.payload, slug: storySlug })
  expect(loaded).not.toBeNull()
  return loaded!.delivery
}

/** The `w` descriptors a srcset offers, in order. */
const widths = (srcset: string | undefined) =>
  (srcset ?? '').split(', ').map((candidate) => Number(candidate.split(' ')[1]?.replace('w', '')))

describe('stored sizes and focal point', () => {
  it('delivers each image with its 400/800/1600 sizes and the focal point', async () => {
    const { article } = await delivered()
    const image = article.hero!.image!
    expect(image.sizes.map((size) => [size.name, size.width, size.height])).toEqual([
      ['thumbnail', 400, 267],
      ['card', 800, 533],
      ['hero', 1600, 1067],
    ])
    expect(image.focalPoint).toEqual({ x: 20, y: 30 })
  })

  it('offers every stored size and the original in srcset, cropped around the focal point', async () => {
    const { article } = await delivered()
    const html = renderToStaticMarkup(
      NewsroomImage({ image: article.hero!.image!, loading: 'eager', sizes: '100vw' }),
    )
    const srcset = html.match(/srcSet="([^"]+)"/)?.[1]
    expect(widths(srcset)).toEqual([400, 800, 1600, 2400])
    expect(srcset).toMatch(/border-crossing-\d+-400x267\.png 400w/)
    expect(html).toContain('sizes="100vw"')
    expect(html).toContain('width="2400"')
    expect(html).toContain('height="1600"')
    expect(html).toContain('object-position:20% 30%')
  })
})

describe('an in-body image', () => {
  it('is on the page with the caption and credit the story gives it, and srcset', async () => {
    const { article } = await delivered()
    const html = renderToStaticMarkup(
      NewsroomRichText({ baseUrl: '', data: article.body, paths: siteSettings(ctx.config) }),
    )
    const figure = html.match(/<figure class="image">.*?<\/figure>/)?.[0] ?? ''
    expect(figure).toContain('alt="Asylum seekers wait at the border crossing"')
    expect(widths(figure.match(/srcSet="([^"]+)"/)?.[1])).toEqual([400, 800, 1600, 2400])
    expect(figure).toContain(
      '<figcaption>Families wait at San Ysidro.<span class="credit">Ana Díaz</span></figcaption>',
    )
    // Nothing the editor added is dropped: the rule and the linked story are there too.
    expect(html).toMatch(/<p>Before the photo\.<\/p><figure class="image">.*<\/figure><hr\/>/)
    expect(html).toContain(
      `<p class="related-link"><a href="/news/an-earlier-story">${linkedHeadline}</a></p>`,
    )
  })

  it("falls back to the image's own caption and credit", async () => {
    const { article } = await delivered()
    const body = structuredClone(article.body) as { root: { children: { fields?: object }[] } }
    body.root.children[1].fields = {}
    const html = bodyToHtml(body, { baseUrl: '', paths: siteSettings(ctx.config) })
    expect(html).toContain(
      '<figcaption>The stored caption.<span class="credit">Stored Credit</span></figcaption>',
    )
  })

  it('is in ninjs body_html with absolute URLs, caption and credit', async () => {
    const item = renderNinjs(await delivered(), {
      baseUrl: ORIGIN,
      paths: siteSettings(ctx.config),
    })
    const html = (item.bodies as { value: string }[])[0].value
    expect(html.split('\n')).toEqual([
      '<p>Before the photo.</p>',
      expect.stringMatching(
        /^<figure class="image"><img alt="Asylum seekers wait at the border crossing" height="1600" src="https:\/\/news\.example\/api\/media\/file\/border-crossing-\d+\.png" width="2400" sizes="[^"]+" loading="lazy" srcset="https:\/\/news\.example\/api\/media\/file\/border-crossing-\d+-400x267\.png 400w, [^"]+ 2400w" style="object-position: 20% 30%"><figcaption>Families wait at San Ysidro\.<span class="credit">Ana Díaz<\/span><\/figcaption><\/figure>$/,
      ),
      '<hr>',
      `<p class="related-link"><a href="${ORIGIN}/news/an-earlier-story">${linkedHeadline}</a></p>`,
      '<p>After the photo.</p>',
    ])
    // The hero's stored sizes are renditions a partner can pick from.
    const hero = (item.associations as { name: string; renditions: { name: string }[] }[])[0]
    expect(hero.renditions.map((rendition) => rendition.name)).toEqual([
      'original',
      'thumbnail',
      'card',
      'hero',
    ])
  })

  it('is in the RSS item content with caption and credit', async () => {
    const xml = await renderRssFeed({ now: new Date(), origin: ORIGIN, payload: ctx.payload })
    const { rss } = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml)
    const item = rss.channel.item.find(
      (entry: { title: string }) => entry.title === 'The border in pictures',
    )
    const content = item['content:encoded'] as string
    expect(content).toContain('<p>Before the photo.</p>')
    expect(content).toContain(
      '<figcaption>Families wait at San Ysidro.<span class="credit">Ana Díaz</span></figcaption>',
    )
    expect(content).toMatch(
      /src="https:\/\/news\.example\/api\/media\/file\/border-crossing-\d+\.png"/,
    )
    expect(content).toContain('<hr>')
  })

  it('shows a linked story only while it is published', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { slug: { equals: 'an-earlier-story' } },
    })
    await ctx.payload.update({
      collection: 'articles',
      data: { _status: 'draft' },
      id: docs[0].id,
    })
    try {
      const html = bodyToHtml((await delivered()).article.body, {
        baseUrl: '',
        paths: siteSettings(ctx.config),
      })
      expect(html).not.toContain(linkedHeadline)
      expect(html).not.toContain('an-earlier-story')
    } finally {
      await ctx.payload.update({
        collection: 'articles',
        data: { _status: 'published' },
        id: docs[0].id,
      })
    }
  })
})
