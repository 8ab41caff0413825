import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { loadDeliveryArticle } from '../src/delivery/renderDeliveryArticle'
import { articleJsonLd, jsonForScript } from '../src/host/site/articleJsonLd'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * The NewsArticle JSON-LD each story page carries, built from a story an editor put together
 * through the API: bylines, hero image, related coverage and a correction.
 */

const ORIGIN = 'https://news.example'

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
    const jsonLd = articleJsonLd(loaded!.delivery, ORIGIN)

    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      dateModified: stored.updatedAt,
      datePublished: stored.firstPublishedAt,
      headline: 'Court hears asylum appeal',
      mainEntityOfPage: `${ORIGIN}/news/court-hears-asylum-appeal`,
      relatedLink: ['https://example.org/asylum-explainer'],
    })
    expect(jsonLd.author.map((author) => author.name)).toEqual(['Dana Reporter', 'Wire reports'])
    expect(jsonLd.image).toEqual([
      expect.stringMatching(/^https:\/\/news\.example\/.*court.*\.png$/),
    ])
    expect(jsonLd.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        datePublished: stored.corrections[0].at,
        text: 'An earlier version misnamed the court.',
      },
    ])
    expect(Date.parse(jsonLd.correction[0].datePublished ?? '')).not.toBeNaN()
  })

  it('cannot close the script tag it sits in, whatever a headline says', () => {
    const value = { headline: 'Ruling </script><script>alert(1)</script>' }
    const json = jsonForScript(value)
    expect(json).not.toMatch(/<\/script/i)
    expect(JSON.parse(json)).toEqual(value)
  })
})
