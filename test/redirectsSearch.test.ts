import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { AddressInfo } from 'node:net'

import express from 'express'
import { XMLParser } from 'fast-xml-parser'
import http from 'node:http'

import { redirectRouter } from '../src/host/server/redirectRouter'
import { renderContentSitemap } from '../src/host/site/feeds/renderContentSitemap'
import { searchStories } from '../src/host/site/searchStories'
import { carryOverSearchText } from '../src/migrations/carryOverSearchText'
import { doc, paragraph } from './helpers/lexical'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Redirects after a live slug change (who may change it, 301 to the new URL, chains collapsed,
 * sitemaps with the current URL only) and reader search (published stories only, kept in step
 * with publish, live edits, unpublish and delete; through REST and GraphQL too).
 */

const ORIGIN = 'https://news.example'
let ctx: TestPayload
let rest: RestClient
let server: http.Server
let base = ''
const tokens = { editor: '', writer: '' }

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  tokens.editor = await signIn(ctx.payload, rest, 'editor')
  tokens.writer = await signIn(ctx.payload, rest, 'writer')
  // The app's redirect route, with what Next would answer behind it: a 404.
  const app = express()
  app.use(redirectRouter({ payload: ctx.payload }))
  app.use((_req, res) => {
    res.status(404).end('not found')
  })
  server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await ctx?.payload.destroy()
})

const visit = async (path: string) => {
  const response = await fetch(`${base}${path}`, { redirect: 'manual' })
  return { location: response.headers.get('location'), status: response.status }
}

const publishAsEditor = async (data: Record<string, unknown>) => {
  const { body, status } = await rest.post('/api/articles', {
    body: { _status: 'published', ...data },
    token: tokens.editor,
  })
  expect(status).toBe(201)
  return body.doc
}

const rename = (id: unknown, slug: string, token: string) =>
  rest.patch(`/api/articles/${String(id)}`, { body: { slug }, token })

const sitemapLocs = async () =>
  (
    new XMLParser({ isArray: (name) => name === 'url' }).parse(
      (await renderContentSitemap({
        origin: ORIGIN,
        page: 1,
        payload: ctx.payload,
        source: 'articles',
      })) as string,
    ).urlset.url ?? []
  ).map((url: { loc: string }) => url.loc)

describe('changing a live story’s slug', () => {
  it('is refused to writers on the live story; a writer’s draft takes effect only when an editor publishes it', async () => {
    const story = await publishAsEditor({ headline: 'Judge blocks the rule', slug: 'judge-blocks' })
    expect((await rename(story.id, 'judge-blocks-rule', tokens.writer)).status).toBe(403)
    const live = async () =>
      (await ctx.payload.findByID({ collection: 'articles', id: story.id })).slug
    expect(await live()).toBe('judge-blocks')

    // Drafts are not validated (autosave keeps every keystroke); readers see no change.
    const inDraft = await rest.patch(`/api/articles/${story.id}?draft=true`, {
      body: { slug: 'judge-blocks-rule' },
      token: tokens.writer,
    })
    expect(inDraft.status).toBe(200)
    expect(await live()).toBe('judge-blocks')
    expect((await ctx.payload.count({ collection: 'redirects' })).totalDocs).toBe(0)
    expect((await visit('/news/judge-blocks')).status).toBe(404)

    // The editor who publishes it makes the change, and the old URL follows the story.
    const published = await rest.patch(`/api/articles/${story.id}`, {
      body: { _status: 'published' },
      token: tokens.editor,
    })
    expect(published.status).toBe(200)
    expect(await live()).toBe('judge-blocks-rule')
    expect(await visit('/news/judge-blocks')).toEqual({
      location: '/news/judge-blocks-rule',
      status: 301,
    })
  })

  it('refuses a slug that is not one, with a 400 naming the slug', async () => {
    const story = await publishAsEditor({ headline: 'Bad slug story' })
    const refused = await rename(story.id, 'Not A Slug', tokens.editor)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toMatch(/slug/)
  })

  it('answers the old URL with a 301 to the new one once an editor changes it, chains collapsed', async () => {
    const story = await publishAsEditor({ headline: 'Court rules on asylum', slug: 'court-a' })
    expect((await rename(story.id, 'court-b', tokens.editor)).status).toBe(200)
    expect(await visit('/news/court-a')).toEqual({ location: '/news/court-b', status: 301 })
    // The live URL itself is the story's page, not a redirect.
    expect((await visit('/news/court-b')).status).toBe(404)

    expect((await rename(story.id, 'court-c', tokens.editor)).status).toBe(200)
    // A→B then B→C: both old URLs go straight to C.
    expect(await visit('/news/court-a')).toEqual({ location: '/news/court-c', status: 301 })
    expect(await visit('/news/court-b')).toEqual({ location: '/news/court-c', status: 301 })

    // Taking an old URL back makes it the story's page again, and the others follow.
    expect((await rename(story.id, 'court-a', tokens.editor)).status).toBe(200)
    expect((await visit('/news/court-a')).status).toBe(404)
    expect(await visit('/news/court-c')).toEqual({ location: '/news/court-a', status: 301 })

    const locs = await sitemapLocs()
    expect(locs).toContain(`${ORIGIN}/news/court-a`)
    expect(locs).not.toContain(`${ORIGIN}/news/court-b`)
    expect(locs).not.toContain(`${ORIGIN}/news/court-c`)
  })

  it('sends nobody to a story that is no longer live', async () => {
    const story = await publishAsEditor({ headline: 'Pulled later', slug: 'pulled-a' })
    await rename(story.id, 'pulled-b', tokens.editor)
    expect((await visit('/news/pulled-a')).status).toBe(301)
    await rest.patch(`/api/articles/${story.id}`, {
      body: { _status: 'draft' },
      token: tokens.editor,
    })
    expect((await visit('/news/pulled-a')).status).toBe(404)
  })

  it('lets readers read redirects, but only editors write them', async () => {
    expect((await rest.get('/api/redirects')).status).toBe(200)
    const story = (await ctx.payload.find({ collection: 'articles', limit: 1 })).docs[0]
    const body = {
      from: '/news/hand-made',
      to: { reference: { relationTo: 'articles', value: story.id }, type: 'reference' },
      type: '301',
    }
    expect((await rest.post('/api/redirects', { body })).status).toBe(403)
    expect((await rest.post('/api/redirects', { body, token: tokens.writer })).status).toBe(403)
    expect((await rest.post('/api/redirects', { body, token: tokens.editor })).status).toBe(201)
  })
})

describe('reader search', () => {
  const search = async (query: string) =>
    (await searchStories(ctx.payload, query, 1)).docs.map((doc) => doc.title)

  it('finds published stories only, and follows publish, live edits, unpublish and delete', async () => {
    const live = await publishAsEditor({
      dek: 'The zebra mussel spreads upstream.',
      headline: 'Invasive species reach the lake',
    })
    await rest.post('/api/articles', {
      body: { headline: 'Zebra mussel draft scoop' },
      token: tokens.writer,
    })
    expect(await search('zebra')).toEqual(['Invasive species reach the lake'])

    // A writer's draft of the live story changes nothing readers find.
    await rest.patch(`/api/articles/${live.id}?draft=true`, {
      body: { headline: 'Zebra draft headline' },
      token: tokens.writer,
    })
    expect(await search('zebra')).toEqual(['Invasive species reach the lake'])

    // An editor's live edit is found at once.
    await rest.patch(`/api/articles/${live.id}`, {
      body: { _status: 'published', headline: 'Zebra mussels reach the lake' },
      token: tokens.editor,
    })
    expect(await search('zebra')).toEqual(['Zebra mussels reach the lake'])

    await rest.patch(`/api/articles/${live.id}`, {
      body: { _status: 'draft' },
      token: tokens.editor,
    })
    expect(await search('zebra')).toEqual([])

    await rest.patch(`/api/articles/${live.id}`, {
      body: { _status: 'published' },
      token: tokens.editor,
    })
    expect(await search('zebra')).toHaveLength(1)
    expect((await rest.delete(`/api/articles/${live.id}`, { token: tokens.editor })).status).toBe(
      200,
    )
    expect(await search('zebra')).toEqual([])
  })

  it('gives anonymous REST and GraphQL the live stories only, without internal fields', async () => {
    await publishAsEditor({ headline: 'Quokka census published' })
    const draft = await rest.post('/api/articles', {
      body: { headline: 'Quokka census draft' },
      token: tokens.editor,
    })
    const { body, status } = await rest.get('/api/search?where[title][like]=quokka&depth=1')
    expect(status).toBe(200)
    expect(body.docs.map((doc: { title: string }) => doc.title)).toEqual([
      'Quokka census published',
    ])
    expect(body.docs[0]).not.toHaveProperty('priority')
    expect(body.docs[0].doc.value).not.toHaveProperty('editorialNotes')
    const everything = await rest.get('/api/search?limit=100')
    expect(everything.body.docs.map((doc: { title: string }) => doc.title)).not.toContain(
      'Quokka census draft',
    )

    const graph = await rest.graphql(
      '{ Searches(where: { title: { like: "quokka" } }) { docs { title } } }',
    )
    expect(graph.body.data.Searches.docs).toEqual([{ title: 'Quokka census published' }])

    // Nobody writes the index over the API, so nobody puts a draft into it.
    const forged = await rest.post('/api/search', {
      body: { doc: { relationTo: 'articles', value: draft.body.doc.id }, title: 'Forged' },
      token: tokens.editor,
    })
    expect(forged.status).toBe(403)
  })
})

describe('search by what the story shows', () => {
  const search = async (query: string) =>
    (await searchStories(ctx.payload, query, 1)).docs.map((doc) => doc.title)

  it('finds a live story by its body and quotes, never by a draft’s words or staff notes', async () => {
    const quote = await rest.post('/api/quotes', {
      body: {
        speaker: { name: 'Ottoline Varga' },
        text: 'We were never consulted about the weir.',
        verification: { notes: 'Checked by phone: marmoset' },
      },
      token: tokens.editor,
    })
    expect(quote.status).toBe(201)
    const live = await publishAsEditor({
      body: doc(paragraph('Anglers say the weir changed the river’s course.')),
      headline: 'Weir opens upstream',
      quotes: [quote.body.doc.id],
    })
    expect(await search('anglers')).toEqual(['Weir opens upstream'])
    expect(await search('Varga consulted')).toEqual(['Weir opens upstream'])
    // Verification notes are the desk's, not the reader's.
    expect(await search('marmoset')).toEqual([])

    // A writer's draft over the live story: its words stay out until an editor publishes it.
    const drafted = await rest.patch(`/api/articles/${live.id}?draft=true`, {
      body: { body: doc(paragraph('Draft only: the capybara paragraph.')) },
      token: tokens.writer,
    })
    expect(drafted.status).toBe(200)
    expect(await search('capybara')).toEqual([])
    expect(await search('anglers')).toEqual(['Weir opens upstream'])
  })

  it('gives stories indexed before the text existed their text (the migration’s carry-over)', async () => {
    const live = await publishAsEditor({
      body: doc(paragraph('The ocelot sanctuary reopened on Monday.')),
      headline: 'Sanctuary reopens',
    })
    expect(await search('ocelot')).toEqual(['Sanctuary reopens'])
    // As a record written before the field existed.
    const { docs } = await ctx.payload.find({
      collection: 'search',
      where: { 'doc.value': { equals: live.id } },
    })
    await ctx.payload.db.updateOne({ collection: 'search', data: { text: null }, id: docs[0].id })
    expect(await search('ocelot')).toEqual([])

    const { records } = await carryOverSearchText({ payload: ctx.payload })
    expect(records).toBeGreaterThan(0)
    expect(await search('ocelot')).toEqual(['Sanctuary reopens'])
  })
})

describe('queries on a reference into several collections (search.doc, redirects.to.reference)', () => {
  it('answers a value that cannot be a reference with a 400 naming the parameter, and finds by a well-formed one', async () => {
    const story = await publishAsEditor({ headline: 'Wombat census published' })
    const refused = [
      '/api/search?where[doc][equals]=abc',
      '/api/search?where[doc][in]=abc,1e400',
      '/api/search?where[doc.value][equals]=abc',
      '/api/search?where[doc][equals][relationTo]=cases&where[doc][equals][value]=1',
      '/api/redirects?where[to.reference][not_equals]=abc',
    ]
    for (const path of refused) {
      const { body, status } = await rest.get(path)
      expect({ path, status }).toEqual({ path, status: 400 })
      expect(JSON.stringify(body.errors)).toMatch(/where\[(doc|to\.reference)[^\]]*\]/)
    }
    const id = String(story.id)
    const found = [
      `/api/search?where[doc.value][equals]=${id}`,
      `/api/search?where[doc][equals][relationTo]=articles&where[doc][equals][value]=${id}`,
    ]
    for (const path of found) {
      const { body, status } = await rest.get(path)
      expect({ path, status }).toEqual({ path, status: 200 })
      expect(body.docs.map((doc: { title: string }) => doc.title)).toEqual([
        'Wombat census published',
      ])
    }
  })
})
