import type { RequestHandler } from 'express'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { deliveryCacheFor } from '../src/delivery/deliveryCache'
import { pageCacheControl } from '../src/host/pageCache/cdnHeaders'
import { recordPageKeys } from '../src/host/pageCache/renderKeys'
import { sitePageCache } from '../src/host/pageCache/sitePageCache'
import { type NewsroomServer, startServer } from '../src/host/server/createServer'
import { deliveryFastPath } from '../src/host/server/deliveryFastPath'
import { redirectRouter } from '../src/host/server/redirectRouter'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'
import { waitFor } from './helpers/waitFor'

/**
 * A live story's old slug, for every reader: the delivery API and ninjs answer it with a 301 to
 * the new slug (through each door: Payload's endpoint, the server's fast path behind the page
 * cache, and alone), the
 * page's 301 is cacheable and purged by key, and restoring a version with another slug keeps
 * the redirects whole (no loop, no dead URL) and tells the editor.
 */

const POLICY = { sMaxAge: 60, staleIfError: 86400, staleWhileRevalidate: 30 }
let ctx: TestPayload
let rest: RestClient
/** The page cache and the delivery fast path in front, then the redirect route, then "Next". */
let site: NewsroomServer
/** The delivery fast path alone, on node's request. */
let fast: NewsroomServer
const tokens = { editor: '', writer: '' }

const unique = () => Math.random().toString(36).slice(2, 8)

/** Stands in for Next's story page: the headline of the live story with the slug, or a 404. */
const fakeNext: RequestHandler = async (req, res) => {
  if (req.path.startsWith('/news/')) {
    const loaded = await deliveryCacheFor(ctx.payload).load(req.path.slice('/news/'.length))
    if (loaded) {
      recordPageKeys({ get: (name) => req.get(name) ?? null }, loaded.keys)
      res.type('html').send(`<h1>${loaded.delivery.article.headline}</h1>`)
      return
    }
  }
  res.status(404).type('html').send('<h1>Not found</h1>')
}

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  tokens.editor = await signIn(ctx.payload, rest, 'editor')
  tokens.writer = await signIn(ctx.payload, rest, 'writer')
  const pages = sitePageCache({
    payload: ctx.payload,
    settings: { enabled: true, maxBytes: 8 * 1024 * 1024, policy: POLICY },
  })
  const fastPath = deliveryFastPath({ payload: ctx.payload })
  site = await startServer({
    fallback: fakeNext,
    first: [pages.handler, ...(fastPath ? [fastPath] : [])],
    host: '127.0.0.1',
    payload: ctx.payload,
    port: 0,
    routes: [redirectRouter({ payload: ctx.payload, policy: POLICY })],
  })
  pages.setOrigin(site.url)
  fast = await startServer({
    fallback: fakeNext,
    first: fastPath ? [fastPath] : [],
    host: '127.0.0.1',
    payload: ctx.payload,
    port: 0,
  })
})

afterAll(async () => {
  for (const server of [site, fast]) {
    server?.server.closeAllConnections()
    await new Promise((resolve) => server?.server.close(resolve))
  }
  await ctx?.payload.destroy()
})

const visit = async (server: NewsroomServer, path: string) => {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual' })
  return {
    body: await response.text(),
    headers: response.headers,
    location: response.headers.get('location'),
    status: response.status,
  }
}

/**
 * The page cache's answer once it holds it: on PostgreSQL a write's change-log entry may be
 * appended again once its transaction is over, purging a render made in between once more.
 */
const heldRedirect = (path: string) =>
  waitFor(
    async () => {
      const answer = await visit(site, path)
      return answer.status === 301 && answer.headers.get('x-cache') === 'HIT' ? answer : null
    },
    { what: `${path}'s 301 to be held by the page cache` },
  )

/** The delivery API through each door: Payload's endpoint, the site's server, the fast path alone. */
const doors = {
  endpoint: async (path: string) => {
    const { body, headers, status } = await rest.get(path)
    return { body, location: headers.get('location'), status }
  },
  site: async (path: string) => {
    const { body, location, status } = await visit(site, path)
    return { body, location, status }
  },
  fastPath: async (path: string) => {
    const { body, location, status } = await visit(fast, path)
    return { body, location, status }
  },
}

const publish = async (headline: string, slug: string) => {
  const { body, status } = await rest.post('/api/articles', {
    body: { _status: 'published', dek: 'A dek.', headline, slug, stage: 'ready' },
    token: tokens.editor,
  })
  expect(status).toBe(201)
  return body.doc as { id: number | string; slug: string }
}

const rename = async (id: unknown, slug: string) => {
  const { status } = await rest.patch(`/api/articles/${String(id)}`, {
    body: { slug },
    token: tokens.editor,
  })
  expect(status).toBe(200)
}

/** Every redirect as from → the path it sends readers to now (null: nowhere). */
const redirectMap = async (): Promise<Record<string, null | string>> => {
  const { docs } = await ctx.payload.find({
    collection: 'redirects',
    depth: 1,
    limit: 0,
    overrideAccess: false,
    pagination: false,
  })
  return Object.fromEntries(
    docs.map((doc) => {
      const story = doc.to?.reference?.value as { slug?: string } | number | undefined
      return [doc.from, story && typeof story === 'object' ? `/news/${story.slug}` : null]
    }),
  )
}

describe('the delivery API and ninjs after a live story’s slug changes', () => {
  it('answer the old slug with a 301 to the new one at every door, keeping the query', async () => {
    const tag = unique()
    const story = await publish(`Appeal heard ${tag}`, `appeal-${tag}`)
    // Held by every cache as a live article before the rename.
    for (const door of Object.values(doors)) {
      expect((await door(`/api/articles/delivery/appeal-${tag}`)).status).toBe(200)
    }
    await rename(story.id, `appeal-heard-${tag}`)
    for (const [name, door] of Object.entries(doors)) {
      const json = await door(`/api/articles/delivery/appeal-${tag}?locale=en`)
      expect({ door: name, location: json.location, status: json.status }).toEqual({
        door: name,
        location: `/api/articles/delivery/appeal-heard-${tag}?locale=en`,
        status: 301,
      })
      const ninjs = await door(`/api/articles/delivery/appeal-${tag}/ninjs`)
      expect({ door: name, location: ninjs.location, status: ninjs.status }).toEqual({
        door: name,
        location: `/api/articles/delivery/appeal-heard-${tag}/ninjs`,
        status: 301,
      })
      const followed = await door(`/api/articles/delivery/appeal-heard-${tag}`)
      expect(followed.status).toBe(200)
      expect(JSON.stringify(followed.body)).toContain(`Appeal heard ${tag}`)
    }
  })

  it('follow the story through a second rename, and send nobody anywhere once it is unpublished', async () => {
    const tag = unique()
    const story = await publish(`Ruling vacated ${tag}`, `ruling-${tag}`)
    await rename(story.id, `ruling-b-${tag}`)
    expect((await doors.fastPath(`/api/articles/delivery/ruling-${tag}`)).location).toBe(
      `/api/articles/delivery/ruling-b-${tag}`,
    )
    await rename(story.id, `ruling-c-${tag}`)
    for (const door of Object.values(doors)) {
      expect((await door(`/api/articles/delivery/ruling-${tag}`)).location).toBe(
        `/api/articles/delivery/ruling-c-${tag}`,
      )
      expect((await door(`/api/articles/delivery/ruling-b-${tag}/ninjs`)).location).toBe(
        `/api/articles/delivery/ruling-c-${tag}/ninjs`,
      )
    }
    const unpublished = await rest.patch(`/api/articles/${String(story.id)}`, {
      body: { _status: 'draft' },
      token: tokens.editor,
    })
    expect(unpublished.status).toBe(200)
    for (const door of Object.values(doors)) {
      expect((await door(`/api/articles/delivery/ruling-${tag}`)).status).toBe(404)
      expect((await door(`/api/articles/delivery/ruling-c-${tag}`)).status).toBe(404)
    }
  })

  it('still answer a slug no story had with a 404, and what cannot be a slug with a 404 without a query', async () => {
    for (const door of Object.values(doors)) {
      expect((await door(`/api/articles/delivery/never-${unique()}`)).status).toBe(404)
      expect((await door('/api/articles/delivery/Not%20A%20Slug')).status).toBe(404)
      expect((await door('/api/articles/delivery/%2E%2E/ninjs')).status).toBe(404)
    }
  })
})

describe('the story page’s 301 for an old slug', () => {
  it('is cacheable like the pages, names its redirect and story, and is purged when the slug changes again', async () => {
    const tag = unique()
    const story = await publish(`Board rules ${tag}`, `board-${tag}`)
    expect((await visit(site, `/news/board-${tag}`)).status).toBe(200)
    await rename(story.id, `board-rules-${tag}`)
    const moved = await visit(site, `/news/board-${tag}`)
    expect(moved.status).toBe(301)
    expect(moved.location).toBe(`/news/board-rules-${tag}`)
    expect(moved.headers.get('cache-control')).toBe(pageCacheControl(POLICY))
    const { docs } = await ctx.payload.find({
      collection: 'redirects',
      where: { from: { equals: `/news/board-${tag}` } },
    })
    const keys = (moved.headers.get('surrogate-key') ?? '').split(' ')
    expect(keys).toEqual(
      expect.arrayContaining([`articles:${String(story.id)}`, `redirects:${String(docs[0].id)}`]),
    )
    expect((moved.headers.get('cache-tag') ?? '').split(',')).toEqual(expect.arrayContaining(keys))
    const again = await heldRedirect(`/news/board-${tag}`)
    expect(again.location).toBe(`/news/board-rules-${tag}`)

    // The story moves on: the held 301 is purged, and the old URL follows it.
    await rename(story.id, `board-ruling-${tag}`)
    const followed = await visit(site, `/news/board-${tag}`)
    expect(followed.status).toBe(301)
    expect(followed.location).toBe(`/news/board-ruling-${tag}`)
    expect(followed.headers.get('x-cache')).not.toBe('HIT')

    // An editor removes the redirect: the old URL is a 404 at once.
    await heldRedirect(`/news/board-${tag}`)
    const removed = await rest.delete(`/api/redirects/${String(docs[0].id)}`, {
      token: tokens.editor,
    })
    expect(removed.status).toBe(200)
    expect((await visit(site, `/news/board-${tag}`)).status).toBe(404)
    expect((await doors.fastPath(`/api/articles/delivery/board-${tag}`)).status).toBe(404)
  })

  it('gives way to a story published at the old URL: its page, not a 301 to the other story', async () => {
    const tag = unique()
    const first = await publish(`Hearing set ${tag}`, `hearing-${tag}`)
    await rename(first.id, `hearing-set-${tag}`)
    expect((await visit(site, `/news/hearing-${tag}`)).status).toBe(301)
    await publish(`Another hearing ${tag}`, `hearing-${tag}`)
    const page = await visit(site, `/news/hearing-${tag}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`Another hearing ${tag}`)
    expect((await doors.endpoint(`/api/articles/delivery/hearing-${tag}`)).status).toBe(200)
    expect((await redirectMap())[`/news/hearing-${tag}`]).toBeUndefined()
  })
})

describe('restoring a version with another slug', () => {
  /** The published version of the story that had `slug`, as the admin's version list finds it. */
  const versionWithSlug = async (id: unknown, slug: string) => {
    const { body, status } = await rest.get(
      `/api/articles/versions?where[parent][equals]=${String(id)}&where[version.slug][equals]=${slug}&where[version._status][equals]=published&sort=-updatedAt&limit=1`,
      { token: tokens.editor },
    )
    expect(status).toBe(200)
    expect(body.docs).toHaveLength(1)
    return body.docs[0].id as number | string
  }

  const restore = (versionId: unknown, token = tokens.editor) =>
    rest.post(`/api/articles/versions/${String(versionId)}`, { token })

  it('turns the redirect around without a loop or a dead URL, and tells the editor', async () => {
    const tag = unique()
    const story = await publish(`Judge recuses ${tag}`, `judge-${tag}`)
    await rename(story.id, `judge-recuses-${tag}`)
    await rename(story.id, `judge-steps-aside-${tag}`)
    const oldest = await versionWithSlug(story.id, `judge-${tag}`)

    const restored = await restore(oldest)
    expect(restored.status).toBe(200)
    expect(restored.body.slug).toBe(`judge-${tag}`)
    // What the admin's toast shows after Restore.
    expect(restored.body.message).toContain(
      `changed from /news/judge-steps-aside-${tag} to /news/judge-${tag}`,
    )
    expect(restored.body.message).toContain(`/news/judge-steps-aside-${tag} now redirects`)

    // Every URL the story had answers: the restored one with the page, the others with a 301 to
    // it, and no redirect leaves from the live URL (which would loop).
    const map = await redirectMap()
    expect(map[`/news/judge-${tag}`]).toBeUndefined()
    expect(map[`/news/judge-recuses-${tag}`]).toBe(`/news/judge-${tag}`)
    expect(map[`/news/judge-steps-aside-${tag}`]).toBe(`/news/judge-${tag}`)
    expect((await visit(site, `/news/judge-${tag}`)).status).toBe(200)
    for (const old of [`judge-recuses-${tag}`, `judge-steps-aside-${tag}`]) {
      const page = await visit(site, `/news/${old}`)
      expect({ location: page.location, status: page.status }).toEqual({
        location: `/news/judge-${tag}`,
        status: 301,
      })
      expect((await doors.fastPath(`/api/articles/delivery/${old}`)).location).toBe(
        `/api/articles/delivery/judge-${tag}`,
      )
    }

    // And back again: still one way round.
    const latest = await versionWithSlug(story.id, `judge-steps-aside-${tag}`)
    expect((await restore(latest)).status).toBe(200)
    const after = await redirectMap()
    expect(after[`/news/judge-steps-aside-${tag}`]).toBeUndefined()
    expect(after[`/news/judge-${tag}`]).toBe(`/news/judge-steps-aside-${tag}`)
    expect(after[`/news/judge-recuses-${tag}`]).toBe(`/news/judge-steps-aside-${tag}`)
    for (const [from, to] of Object.entries(after)) {
      expect(from).not.toBe(to)
    }
  })

  it('says nothing about addresses when the slug stays, and in the editor’s language', async () => {
    const tag = unique()
    const story = await publish(`Brief filed ${tag}`, `brief-${tag}`)
    const same = await versionWithSlug(story.id, `brief-${tag}`)
    const { body, status } = await restore(same)
    expect(status).toBe(200)
    expect(body.message).not.toContain('/news/')

    await rename(story.id, `brief-filed-${tag}`)
    const spanish = await rest.post(`/api/articles/versions/${String(same)}`, {
      headers: { 'accept-language': 'es' },
      token: tokens.editor,
    })
    expect(spanish.status).toBe(200)
    expect(spanish.body.message).toContain(
      `cambió de /news/brief-filed-${tag} a /news/brief-${tag}`,
    )
  })

  it('refuses bad input with a 4xx that writes nothing', async () => {
    const tag = unique()
    const story = await publish(`Motion denied ${tag}`, `motion-${tag}`)
    await rename(story.id, `motion-denied-${tag}`)
    const oldest = await versionWithSlug(story.id, `motion-${tag}`)
    const before = await redirectMap()

    expect(
      (await rest.post('/api/articles/versions/not-an-id', { token: tokens.editor })).status,
    ).toBeGreaterThanOrEqual(400)
    expect(
      (await rest.post('/api/articles/versions/not-an-id', { token: tokens.editor })).status,
    ).toBeLessThan(500)
    expect([401, 403]).toContain((await restore(oldest, '')).status)
    expect([401, 403]).toContain((await restore(oldest, tokens.writer)).status)

    // Another live story has the old slug now: the restore is refused, naming it.
    await publish(`Other motion ${tag}`, `motion-${tag}`)
    const taken = await restore(oldest)
    expect(taken.status).toBe(400)
    expect(JSON.stringify(taken.body)).toContain(`motion-${tag}`)

    const live = await ctx.payload.findByID({ collection: 'articles', id: story.id })
    expect(live.slug).toBe(`motion-denied-${tag}`)
    const after = await redirectMap()
    expect(after[`/news/motion-denied-${tag}`]).toBeUndefined()
    expect(after).toEqual({ ...before, [`/news/motion-${tag}`]: undefined })
  })
})
