import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { ReviewQueue } from '../src/components/ReviewQueue'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Issue 23: the stage follows the story, and a writer submits for review instead of publishing.
 * Publishing sets "published" and taking a story down puts it back on the desk; nobody sets
 * "published" by hand; a writer moves a story as far as review; editors see the queue. Through
 * REST, GraphQL and the Local API with a user.
 */

let ctx: TestPayload
let rest: RestClient
const tokens = { editor: '', writer: '' }

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  tokens.editor = await signIn(ctx.payload, rest, 'editor')
  tokens.writer = await signIn(ctx.payload, rest, 'writer')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

const latestStage = async (id: number | string) =>
  (
    (await ctx.payload.findByID({ collection: 'articles', depth: 0, draft: true, id })) as {
      stage?: string
    }
  ).stage

const writersDraft = async (headline: string) => {
  const created = await rest.post('/api/articles?draft=true', {
    body: { headline },
    token: tokens.writer,
  })
  expect(created.status).toBe(201)
  return created.body.doc as { id: number | string; stage: string }
}

describe('the stage follows the story', () => {
  it('a writer submits for review; an editor publishes (stage published) and unpublishes (back to editing)', async () => {
    const story = await writersDraft('Council weighs the bridge tolls')
    expect(story.stage).toBe('drafting')
    const submitted = await rest.patch(`/api/articles/${story.id}?draft=true`, {
      body: { stage: 'editing' },
      token: tokens.writer,
    })
    expect(submitted.status).toBe(200)
    expect(await latestStage(story.id)).toBe('editing')

    // The editor publishes from the form, which sends the stage it shows back.
    const published = await rest.patch(`/api/articles/${story.id}`, {
      body: { _status: 'published', stage: 'editing' },
      token: tokens.editor,
    })
    expect(published.status).toBe(200)
    expect(published.body.doc.stage).toBe('published')

    // A draft over the live story keeps the stage the form sends back.
    const drafted = await rest.patch(`/api/articles/${story.id}?draft=true`, {
      body: { dek: 'Tolls rise in March.', stage: 'published' },
      token: tokens.writer,
    })
    expect(drafted.status).toBe(200)

    const unpublished = await rest.patch(`/api/articles/${story.id}`, {
      body: { _status: 'draft' },
      token: tokens.editor,
    })
    expect(unpublished.status).toBe(200)
    expect(await latestStage(story.id)).toBe('editing')
  })

  it('refuses “published” by hand, to anyone, with a 400 naming the stage, and stores nothing', async () => {
    const story = await writersDraft('Hand-set stage')
    for (const token of [tokens.writer, tokens.editor]) {
      const refused = await rest.patch(`/api/articles/${story.id}?draft=true`, {
        body: { stage: 'published' },
        token,
      })
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.body)).toContain('set by publishing')
    }
    expect(await latestStage(story.id)).toBe('drafting')
  })

  it('lets a writer go as far as review only, through REST, GraphQL and the Local API', async () => {
    const story = await writersDraft('Writer moves the stage')
    const rested = await rest.patch(`/api/articles/${story.id}?draft=true`, {
      body: { stage: 'ready' },
      token: tokens.writer,
    })
    expect(rested.status).toBe(400)
    expect(JSON.stringify(rested.body)).toContain('submits a story for review')

    const graphed = await rest.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(story.id)}, draft: true, data: { stage: copy_desk }) { stage } }`,
      { token: tokens.writer },
    )
    expect(JSON.stringify(graphed.body.errors ?? [])).toContain('submits a story for review')

    const writer = (
      await ctx.payload.find({ collection: 'users', where: { roles: { in: ['writer'] } } })
    ).docs[0]
    const local = await ctx.payload
      .update({
        collection: 'articles',
        data: { stage: 'ready' } as never,
        draft: true,
        id: story.id,
        overrideAccess: false,
        user: writer,
      })
      .then(
        () => 'saved',
        (error: { data?: unknown; status?: number }) => ({
          data: error.data,
          status: error.status,
        }),
      )
    expect(local).toMatchObject({ status: 400 })
    expect(JSON.stringify(local)).toContain('submits a story for review')
    expect(await latestStage(story.id)).toBe('drafting')

    // An editor moves it on.
    const moved = await rest.patch(`/api/articles/${story.id}?draft=true`, {
      body: { stage: 'ready' },
      token: tokens.editor,
    })
    expect(moved.status).toBe(200)
    expect(await latestStage(story.id)).toBe('ready')
  })
})

describe('a copy of a live story', () => {
  it('is a new draft at the start of the desk, not a second “published” story', async () => {
    const live = await rest.post('/api/articles', {
      body: { _status: 'published', headline: 'Ferry strike ends' },
      token: tokens.editor,
    })
    expect(live.body.doc.stage).toBe('published')
    const copy = await rest.post(`/api/articles/${live.body.doc.id}/duplicate`, {
      body: {},
      token: tokens.writer,
    })
    expect(copy.status).toBe(200)
    expect(copy.body.doc).toMatchObject({ _status: 'draft', stage: 'drafting' })
  })
})

describe('restoring a version', () => {
  const versionOf = async (id: number | string, headline: string) => {
    const versions = await ctx.payload.findVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: id } }, { 'version.headline': { equals: headline } }] },
    })
    return versions.docs[0].id
  }

  it('restores a live version as live (stage published) and as a draft over it, without a refusal', async () => {
    const live = await rest.post('/api/articles', {
      body: { _status: 'published', headline: 'Tram line opens' },
      token: tokens.editor,
    })
    const id = live.body.doc.id
    await rest.patch(`/api/articles/${id}`, {
      body: { _status: 'published', headline: 'Tram line opens to crowds' },
      token: tokens.editor,
    })
    const first = await versionOf(id, 'Tram line opens')

    const restored = await rest.post(`/api/articles/versions/${first}`, {
      body: {},
      token: tokens.editor,
    })
    expect(restored.status).toBe(200)
    const now = await ctx.payload.findByID({ collection: 'articles', depth: 0, id })
    expect(now).toMatchObject({
      _status: 'published',
      headline: 'Tram line opens',
      stage: 'published',
    })

    // As a draft: the live story stays as it is, the draft carries the older words.
    const second = await versionOf(id, 'Tram line opens to crowds')
    const asDraft = await rest.post(`/api/articles/versions/${second}?draft=true`, {
      body: {},
      token: tokens.writer,
    })
    expect(asDraft.status).toBe(200)
    const stillLive = await ctx.payload.findByID({ collection: 'articles', depth: 0, id })
    expect(stillLive).toMatchObject({ _status: 'published', headline: 'Tram line opens' })
    const draft = await ctx.payload.findByID({ collection: 'articles', depth: 0, draft: true, id })
    expect(draft.headline).toBe('Tram line opens to crowds')
  })
})

describe('the review queue', () => {
  const render = async (role: 'editor' | 'writer') => {
    const user = (await ctx.payload.find({ collection: 'users', where: { roles: { in: [role] } } }))
      .docs[0]
    const { renderToStaticMarkup } = await import('react-dom/server')
    const element = await ReviewQueue({
      i18n: { t: undefined } as never,
      payload: ctx.payload,
      user: { ...user, collection: 'users' } as never,
    })
    return element ? renderToStaticMarkup(element) : ''
  }

  it('shows editors the submitted stories, oldest first, and writers nothing', async () => {
    const first = await writersDraft('First submitted story')
    const second = await writersDraft('Second submitted story')
    for (const story of [first, second]) {
      await rest.patch(`/api/articles/${story.id}?draft=true`, {
        body: { stage: 'editing' },
        token: tokens.writer,
      })
    }
    const html = await render('editor')
    expect(html).toContain('Waiting for review')
    const firstAt = html.indexOf('First submitted story')
    const secondAt = html.indexOf('Second submitted story')
    expect(firstAt).toBeGreaterThan(-1)
    expect(secondAt).toBeGreaterThan(firstAt)
    expect(html).toContain(`href="/admin/collections/articles/${String(first.id)}"`)
    expect(html).not.toContain('Writer moves the stage')
    expect(await render('writer')).toBe('')
  })
})
