import type { BrowserContext } from 'playwright-core'

import { describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { browserSuite } from './helpers/browser'
import { waitFor } from './helpers/waitFor'

/**
 * An editor sets a story's share image in the admin's SEO tab and publishes; the reader's page
 * then carries it in `og:image` (and Twitter's large card), as a social network would read it.
 */

const SHOTS = 'test-results/seo'

let context: BrowserContext | undefined

const suite = browserSuite(SHOTS)

const metaContent = (html: string, property: string) =>
  html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))?.[1]

describe('an editor', () => {
  it('sets a share image in the SEO tab, and the page shows it in og:image', async () => {
    await context?.close()
    context = await suite.browser.newContext({ viewport: { height: 1000, width: 1280 } })
    const page = await context.newPage()
    const base = suite.app.baseUrl
    const login = await page.request.post(`${base}/api/users/login`, {
      data: { email: 'editor@newsroom.test', password: 'newsroom-demo' },
    })
    expect(login.status()).toBe(200)

    const stamp = Date.now()
    const png = await sharp({
      create: { background: '#a33', channels: 3, height: 1000, width: 2000 },
    })
      .png()
      .toBuffer()
    const uploaded = await page.request.post(`${base}/api/media`, {
      multipart: {
        _payload: JSON.stringify({ alt: `Share card ${stamp}` }),
        file: { buffer: png, mimeType: 'image/png', name: `share-${stamp}.png` },
      },
    })
    expect(uploaded.status()).toBe(201)
    const media = (await uploaded.json()).doc
    const slug = `share-image-${stamp}`
    const created = await page.request.post(`${base}/api/articles`, {
      data: { _status: 'published', headline: 'Judges hear the appeal', slug },
    })
    expect(created.status()).toBe(201)
    const { doc } = await created.json()
    // Published without a share image or hero: no image card yet.
    const before = await (await fetch(`${base}/news/${slug}`)).text()
    expect(metaContent(before, 'og:image')).toBeUndefined()

    await page.goto(`${base}/admin/collections/articles/${doc.id}`)
    await page.locator('.tabs-field__tab-button', { hasText: 'SEO' }).first().click()
    const field = page.locator('#field-meta__image, .field-type.upload').filter({
      hasText: 'Choose from existing',
    })
    await field.getByText('Choose from existing').first().click()
    const drawer = page.locator('dialog.drawer--is-open').last()
    await drawer.getByText(media.filename).first().click()
    await drawer.waitFor({ state: 'detached' })
    await page.screenshot({ fullPage: true, path: `${SHOTS}/share-image-chosen.png` })
    await page.getByRole('button', { name: 'Publish changes' }).click()
    // What counts is what readers get: poll the page until the card carries the image.
    const after = await waitFor(
      async () => {
        const html = await (await fetch(`${base}/news/${slug}`)).text()
        return metaContent(html, 'og:image') ? html : null
      },
      { intervalMs: 500, timeoutMs: 60_000, what: 'the page to carry og:image' },
    )
    await page.screenshot({ fullPage: true, path: `${SHOTS}/published.png` })

    const ogImage = metaContent(after, 'og:image') ?? ''
    expect(ogImage).toMatch(
      new RegExp(`/api/media/file/${media.filename.replace(/\.png$/, '')}-1600x800\\.png$`),
    )
    expect(metaContent(after, 'og:image:width')).toBe('1600')
    expect(metaContent(after, 'og:image:alt')).toBe(`Share card ${stamp}`)
    expect(metaContent(after, 'twitter:card')).toBe('summary_large_image')
    expect((await fetch(ogImage)).status).toBe(200)

    // What a reader opening the page sees, with the share card's image beside it.
    await page.goto(`${base}/news/${slug}`)
    await page.screenshot({ fullPage: true, path: `${SHOTS}/reader-page.png` })
    const card = await context.newPage()
    await card.goto(ogImage)
    await card.screenshot({ path: `${SHOTS}/og-image.png` })
  }, 120_000)
})
