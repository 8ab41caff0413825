import type { Id } from '../src/documents'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { carryOverBodyImages } from '../src/migrations/carryOverBodyImages'
import { doc, paragraph, upload } from './helpers/lexical'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Issue 22: every image a live story shows carries the live flag, so a writer cannot replace
 * what readers see: the hero (tested in indirectDoors), an image inside the body, and the photo
 * of a person the story names.
 */

let ctx: TestPayload
let rest: RestClient
const tokens = { editor: '', writer: '' }

const as = (role: keyof typeof tokens) => ({ token: tokens[role] })

const storedImage = (id: Id) =>
  ctx.payload.findByID({ collection: 'media', depth: 0, id, overrideAccess: true }) as Promise<{
    alt: string
    inLiveStory?: boolean
  }>

const uploadImage = async (alt: string) => {
  const png = await sharp({
    create: { background: '#808080', channels: 3, height: 20, width: 30 },
  })
    .png()
    .toBuffer()
  const formData = new FormData()
  formData.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${alt}.png`)
  formData.append('_payload', JSON.stringify({ alt }))
  const response = await rest.post('/api/media', { formData, ...as('editor') })
  expect(response.status).toBe(201)
  return response.body.doc as { id: Id }
}

/** A writer's attempt to change the image's alt text: the status, and whether it held. */
const writerRewrites = async (id: Id) => {
  const before = (await storedImage(id)).alt
  const response = await rest.patch(`/api/media/${id}`, {
    body: { alt: `Replaced ${Math.random()}` },
    ...as('writer'),
  })
  return { changed: (await storedImage(id)).alt !== before, status: response.status }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  for (const role of ['editor', 'writer'] as const) {
    tokens[role] = await signIn(ctx.payload, rest, role)
  }
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('an image inside a live story’s body', () => {
  it('is flagged while the story is live: a writer cannot replace it; released on unpublish', async () => {
    const image = await uploadImage('In the body')
    const created = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        body: doc(paragraph('Before the picture.'), upload(image.id), paragraph('After it.')),
        headline: 'A story with a picture in its body',
      },
      ...as('editor'),
    })
    expect(created.status).toBe(201)
    expect((await storedImage(image.id)).inLiveStory).toBe(true)
    expect(await writerRewrites(image.id)).toEqual({ changed: false, status: 403 })

    const unpublished = await rest.patch(`/api/articles/${created.body.doc.id}`, {
      body: { _status: 'draft' },
      ...as('editor'),
    })
    expect(unpublished.status).toBe(200)
    expect((await storedImage(image.id)).inLiveStory).toBe(false)
    expect(await writerRewrites(image.id)).toEqual({ changed: true, status: 200 })
  })

  it('is released when an edit takes it out of the live body', async () => {
    const image = await uploadImage('Taken out')
    const created = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        body: doc(paragraph('Text.'), upload(image.id)),
        headline: 'A story that drops its picture',
      },
      ...as('editor'),
    })
    expect((await storedImage(image.id)).inLiveStory).toBe(true)
    await rest.patch(`/api/articles/${created.body.doc.id}`, {
      body: { _status: 'published', body: doc(paragraph('Text only now.')) },
      ...as('editor'),
    })
    expect((await storedImage(image.id)).inLiveStory).toBe(false)
  })

  it('takes no list of body images from a client: the server works it out from the body', async () => {
    const shown = await uploadImage('Really shown')
    const claimed = await uploadImage('Only claimed')
    const created = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        body: doc(upload(shown.id)),
        bodyImages: [claimed.id],
        headline: 'A story that claims another picture',
      },
      ...as('editor'),
    })
    expect(created.status).toBe(201)
    const stored = await ctx.payload.findByID({
      collection: 'articles',
      depth: 0,
      id: created.body.doc.id,
      overrideAccess: true,
    })
    expect((stored as { bodyImages?: Id[] }).bodyImages?.map(String)).toEqual([String(shown.id)])
    expect((await storedImage(claimed.id)).inLiveStory).toBe(false)
  })
})

describe('the photo of a person a live story names', () => {
  it('is flagged while the person is shown: a writer cannot replace it; released with them', async () => {
    const photo = await uploadImage('Portrait')
    const person = await rest.post('/api/people', {
      body: {
        kind: 'staff',
        name: `Reporter ${Math.random().toString(36).slice(2, 7)}`,
        photo: photo.id,
      },
      ...as('editor'),
    })
    expect(person.status).toBe(201)
    const story = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        bylines: [{ person: person.body.doc.id }],
        headline: 'A story with a byline photo',
      },
      ...as('editor'),
    })
    expect(story.status).toBe(201)
    expect((await storedImage(photo.id)).inLiveStory).toBe(true)
    expect(await writerRewrites(photo.id)).toEqual({ changed: false, status: 403 })

    await rest.delete(`/api/articles/${story.body.doc.id}`, as('editor'))
    expect((await storedImage(photo.id)).inLiveStory).toBe(false)
  })
})

describe('stories saved before body images were recorded', () => {
  it('get them, and their images the live flag, from the carry-over the migration runs', async () => {
    const image = await uploadImage('From an older story')
    const created = await rest.post('/api/articles', {
      body: {
        _status: 'published',
        body: doc(paragraph('Written long ago.'), upload(image.id)),
        headline: 'An older story',
      },
      ...as('editor'),
    })
    expect(created.status).toBe(201)
    // As stored before the field existed: no list, and the image not flagged.
    await ctx.payload.db.updateOne({
      collection: 'articles',
      data: { bodyImages: [] },
      id: created.body.doc.id,
    })
    await ctx.payload.db.updateOne({
      collection: 'media',
      data: { inLiveStory: false },
      id: image.id,
    })
    expect(await writerRewrites(image.id)).toEqual({ changed: true, status: 200 })

    await carryOverBodyImages({ payload: ctx.payload })
    expect((await storedImage(image.id)).inLiveStory).toBe(true)
    expect(await writerRewrites(image.id)).toEqual({ changed: false, status: 403 })
  })
})
