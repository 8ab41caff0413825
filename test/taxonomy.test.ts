import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { XMLParser } from 'fast-xml-parser'

import { databaseKind } from '../src/host/database/database'
import { carryOverTaxonomyMongo } from '../src/host/database/taxonomyCarryOverMongo'
import { taxonomyFeed } from '../src/host/site/feeds/taxonomyFeed'
import { frontPageStories } from '../src/host/site/frontPageStories'
import {
  findTerm,
  LISTING_PAGE_SIZE,
  listStories,
  type TaxonomyKind,
} from '../src/host/site/taxonomyListing'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Sections and topics as records (who may manage them, through every door), their listings and
 * feeds (published stories only, paginated, 404 for unknown slugs), the migration that turns the
 * old free text into records, and the curated front page (order, fallback, drafts skipped).
 */

const kind = databaseKind(process.env.DATABASE_URI)
const ORIGIN = 'https://news.example'
let ctx: TestPayload
let rest: RestClient
const tokens = { editor: '', writer: '' }
const parser = new XMLParser({ isArray: (name) => name === 'item' || name === 'category' })

const asEditor = () => ({ token: tokens.editor })
const asWriter = () => ({ token: tokens.writer })

const article = async (data: Record<string, unknown>) =>
  (
    await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', ...data } as never,
      draft: data._status === 'draft',
    })
  ).id

const previousNodeEnv = process.env.NODE_ENV

beforeAll(async () => {
  // Production builds the schema from the committed migrations, as the migration test needs:
  // its SQLite down step drops columns that a development push would have made differently.
  Object.assign(process.env, { NODE_ENV: 'production' })
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  tokens.editor = await signIn(ctx.payload, rest, 'editor')
  tokens.writer = await signIn(ctx.payload, rest, 'writer')
})

afterAll(async () => {
  await ctx?.payload.destroy()
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
})

describe('sections and topics: who may manage them', () => {
  it('lets writers add a topic but not a section, and only editors rename or remove either', async () => {
    const topic = await rest.post('/api/topics', { body: { name: 'Detention' }, ...asWriter() })
    expect(topic.status).toBe(201)
    expect(topic.body.doc.slug).toBe('detention')

    const section = await rest.post('/api/sections', { body: { name: 'World' }, ...asWriter() })
    expect(section.status).toBe(403)
    const viaGraphQL = await rest.graphql(
      'mutation { createSection(data: { name: "World" }) { id } }',
      asWriter(),
    )
    expect(viaGraphQL.body.errors?.[0]?.message).toMatch(/not allowed/i)
    await expect(
      ctx.payload.create({
        collection: 'sections',
        data: { name: 'World' },
        overrideAccess: false,
        user: (
          await ctx.payload.find({ collection: 'users', where: { roles: { in: ['writer'] } } })
        ).docs[0],
      }),
    ).rejects.toThrow(/not allowed/i)
    expect(
      (await ctx.payload.count({ collection: 'sections', where: { name: { equals: 'World' } } }))
        .totalDocs,
    ).toBe(0)

    const rename = await rest.patch(`/api/topics/${topic.body.doc.id}`, {
      body: { name: 'Immigration detention' },
      ...asWriter(),
    })
    expect(rename.status).toBe(403)
    const remove = await rest.delete(`/api/topics/${topic.body.doc.id}`, asWriter())
    expect(remove.status).toBe(403)
    const stored = await ctx.payload.findByID({ collection: 'topics', id: topic.body.doc.id })
    expect(stored.name).toBe('Detention')

    const byEditor = await rest.patch(`/api/topics/${topic.body.doc.id}`, {
      body: { name: 'Immigration detention' },
      ...asEditor(),
    })
    expect(byEditor.status).toBe(200)
    const editorSection = await rest.post('/api/sections', {
      body: { name: 'World' },
      ...asEditor(),
    })
    expect(editorSection.status).toBe(201)
  })

  it('lets anonymous readers read them (public taxonomy) but write nothing', async () => {
    const list = await rest.get('/api/topics?where[slug][equals]=detention')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: { name: string }) => doc.name)).toEqual([
      'Immigration detention',
    ])
    const graph = await rest.graphql('{ Sections { docs { name slug } } }')
    expect(graph.body.data.Sections.docs.map((doc: { slug: string }) => doc.slug)).toContain(
      'world',
    )

    expect((await rest.post('/api/topics', { body: { name: 'Anon' } })).status).toBe(403)
    const anonGraph = await rest.graphql('mutation { createTopic(data: { name: "Anon" }) { id } }')
    expect(anonGraph.body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(
      (await ctx.payload.count({ collection: 'topics', where: { name: { equals: 'Anon' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('refuses a duplicate name or slug with a 400 naming the field', async () => {
    const again = await rest.post('/api/topics', {
      body: { name: 'Immigration detention' },
      ...asEditor(),
    })
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.body)).toMatch(/name/)
    const badSlug = await rest.post('/api/topics', {
      body: { name: 'Labor', slug: 'Not A Slug' },
      ...asEditor(),
    })
    expect(badSlug.status).toBe(400)
    expect(JSON.stringify(badSlug.body)).toMatch(/slug/)
  })
})

describe('section and topic listings and feeds', () => {
  const terms: Record<string, number | string> = {}

  beforeAll(async () => {
    for (const [collection, name] of [
      ['sections', 'Courts'],
      ['topics', 'Asylum'],
      ['topics', 'Empty topic'],
    ] as const) {
      const doc = await ctx.payload.create({ collection, data: { name } })
      terms[name] = doc.id
    }
    // 23 published court stories, a day apart, newest last; each also under "Asylum".
    for (let index = 0; index < LISTING_PAGE_SIZE + 3; index += 1) {
      await article({
        headline: `Court story ${index + 1}`,
        publishedAt: new Date(Date.UTC(2026, 0, index + 1)).toISOString(),
        section: terms.Courts,
        topics: [terms.Asylum],
      })
    }
    await article({
      _status: 'draft',
      headline: 'Draft court scoop',
      section: terms.Courts,
      topics: [terms.Asylum],
    })
    const unpublished = await article({ headline: 'Pulled court story', section: terms.Courts })
    await ctx.payload.update({
      collection: 'articles',
      data: { _status: 'draft' },
      id: unpublished,
    })
  })

  const headlines = async (kind: TaxonomyKind, slug: string, page: number) => {
    const term = await findTerm(ctx.payload, kind, slug)
    return (await listStories(ctx.payload, kind, term!, page)).docs.map((doc) => doc.headline)
  }

  it('lists published stories only, newest first, a page at a time', async () => {
    const first = await headlines('sections', 'courts', 1)
    expect(first).toHaveLength(LISTING_PAGE_SIZE)
    expect(first[0]).toBe(`Court story ${LISTING_PAGE_SIZE + 3}`)
    expect(first).not.toContain('Draft court scoop')
    expect(first).not.toContain('Pulled court story')
    expect(await headlines('sections', 'courts', 2)).toEqual([
      'Court story 3',
      'Court story 2',
      'Court story 1',
    ])
    expect(await headlines('topics', 'asylum', 2)).toHaveLength(3)
    expect(await headlines('topics', 'empty-topic', 1)).toEqual([])
  })

  it('serves each term its own RSS feed of published stories, and 404 for an unknown slug', async () => {
    const response = await taxonomyFeed({
      kind: 'topics',
      origin: ORIGIN,
      payload: ctx.payload,
      slug: 'asylum',
    })
    expect(response.status).toBe(200)
    const { channel } = parser.parse(await response.text()).rss
    expect(channel.title).toBe('Asylum — Newsroom')
    expect(channel.link).toBe(`${ORIGIN}/topics/asylum`)
    expect(channel['atom:link']).toBeDefined()
    const titles = channel.item.map((item: { title: string }) => item.title)
    expect(titles).toHaveLength(LISTING_PAGE_SIZE + 3)
    expect(titles).not.toContain('Draft court scoop')
    expect(channel.item[0].category).toEqual(['Courts', 'Asylum'])

    const unknown = await taxonomyFeed({
      kind: 'sections',
      origin: ORIGIN,
      payload: ctx.payload,
      slug: 'no-such-section',
    })
    expect(unknown.status).toBe(404)
    expect(await findTerm(ctx.payload, 'sections', '../etc')).toBeNull()
  })

  it('gives the delivery API and related suggestions the names and shared topics', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { headline: { equals: 'Court story 1' } },
    })
    const slug = String(docs[0].slug)
    const { body, status } = await rest.get(`/api/articles/delivery/${slug}`)
    expect(status).toBe(200)
    expect(body.article).toMatchObject({ section: 'Courts', topics: ['Asylum'] })

    const suggestions = await rest.get(
      `/api/articles/${docs[0].id}/related-suggestions`,
      asEditor(),
    )
    expect(suggestions.status).toBe(200)
    expect(suggestions.body.docs[0].shared.topics).toBe(1)
  })
})

describe('the curated front page', () => {
  const ids: Record<string, number | string> = {}

  beforeAll(async () => {
    for (const [key, publishedAt] of [
      ['older', '2025-01-01T00:00:00.000Z'],
      ['oldest', '2024-01-01T00:00:00.000Z'],
      ['newest', '2027-01-01T00:00:00.000Z'],
    ] as const) {
      ids[key] = await article({ headline: `Front ${key}`, publishedAt })
    }
    ids.draft = await article({ _status: 'draft', headline: 'Front draft' })
  })

  const shown = async () => (await frontPageStories(ctx.payload)).stories.map((doc) => doc.headline)

  it('is the latest published stories while no editor has chosen', async () => {
    const stories = await shown()
    expect(stories[0]).toBe('Front newest')
  })

  it('puts the editor’s lead first and the slots in order, skipping drafts, then the latest', async () => {
    const refused = await rest.post('/api/globals/front-page', {
      body: { lead: ids.oldest },
      ...asWriter(),
    })
    expect(refused.status).toBe(403)
    expect((await shown())[0]).toBe('Front newest')

    const saved = await rest.post('/api/globals/front-page', {
      body: { lead: ids.oldest, slots: [ids.draft, ids.older] },
      ...asEditor(),
    })
    expect(saved.status).toBe(200)
    const stories = await shown()
    expect(stories.slice(0, 3)).toEqual(['Front oldest', 'Front older', 'Front newest'])
    expect(stories).not.toContain('Front draft')
    // Shown once, though it is also among the latest.
    expect(stories.filter((headline) => headline === 'Front older')).toHaveLength(1)

    // Published now: the slot takes its place.
    await ctx.payload.update({
      collection: 'articles',
      data: { _status: 'published' },
      id: ids.draft,
    })
    expect((await shown()).slice(0, 3)).toEqual(['Front oldest', 'Front draft', 'Front older'])
  })

  it('is not readable by anonymous readers over REST or GraphQL', async () => {
    expect((await rest.get('/api/globals/front-page')).status).toBe(403)
    const graph = await rest.graphql('{ FrontPage { lead { id } } }')
    expect(graph.body.data?.FrontPage ?? null).toBeNull()
    expect((await rest.get('/api/globals/front-page', asWriter())).status).toBe(200)
  })
})

type SqlIo = { db: unknown; run: (text: string, params?: unknown[]) => Promise<void> }

/** Raw SQL on the suite's own database, dialect-neutral placeholders filled in per adapter. */
const sqlIo = async (): Promise<SqlIo> => {
  const db = (ctx.payload.db as unknown as { drizzle: any }).drizzle
  const { sql } =
    kind === 'postgres'
      ? await import('@payloadcms/db-postgres')
      : await import('@payloadcms/db-sqlite')
  return {
    db,
    run: async (text) => {
      await (kind === 'postgres' ? db.execute(sql.raw(text)) : db.run(sql.raw(text)))
    },
  }
}

describe('the migration from free-text sections and topics', () => {
  it('turns every stored name into one record per slug and points stories and versions at them', async () => {
    const storyId = await article({ headline: 'Legacy story' })
    const draftId = await article({ _status: 'draft', headline: 'Legacy draft' })
    const total = async (kind: TaxonomyKind, slug: string) => {
      const term = await findTerm(ctx.payload, kind, slug)
      return term ? (await listStories(ctx.payload, kind, term, 1)).totalDocs : 0
    }
    expect(await total('sections', 'courts')).toBe(LISTING_PAGE_SIZE + 3)
    expect(await total('topics', 'asylum')).toBe(LISTING_PAGE_SIZE + 3)

    if (kind === 'mongodb') {
      // As a story saved before the change sits in MongoDB: names as plain strings.
      const db = ctx.payload.db as unknown as {
        collections: Record<string, any>
        versions: Record<string, any>
      }
      const { Types } = await import('mongoose')
      await db.collections.articles.collection.updateOne(
        { _id: new Types.ObjectId(String(storyId)) },
        { $set: { section: 'National', topics: ['Asylum', ' asylum', 'Migration law'] } },
      )
      await db.versions.articles.collection.updateMany(
        { parent: { $in: [String(draftId), new Types.ObjectId(String(draftId))] } },
        { $set: { 'version.section': 'national', 'version.topics': ['Refugees'] } },
      )
      expect(await carryOverTaxonomyMongo(ctx.payload)).toEqual({ stories: 1 })
      // Idempotent: a second start finds nothing left to carry over.
      expect(await carryOverTaxonomyMongo(ctx.payload)).toEqual({ stories: 0 })
    } else {
      const { migrations } =
        kind === 'postgres'
          ? await import('../migrations/postgres')
          : await import('../migrations/sqlite')
      const migration = migrations.find((entry) => entry.name.endsWith('_taxonomy_records'))!
      const io = await sqlIo()
      const args = { db: io.db, payload: ctx.payload, req: {} }
      // As an existing database meets the migration: the old columns, holding names.
      const { docs: versions } = await ctx.payload.findVersions({
        collection: 'articles',
        where: { parent: { equals: draftId } },
      })
      await migration.down(args as never)
      await io.run(`UPDATE "articles" SET "section" = 'National' WHERE "id" = ${Number(storyId)}`)
      for (const [order, text] of ['Asylum', ' asylum', 'Migration law'].entries()) {
        await io.run(
          `INSERT INTO "articles_texts" ("order", "parent_id", "path", "text") VALUES (${order + 1}, ${Number(storyId)}, 'topics', '${text}')`,
        )
      }
      for (const version of versions) {
        await io.run(
          `UPDATE "_articles_v" SET "version_section" = 'national' WHERE "id" = ${Number(version.id)}`,
        )
        await io.run(
          `INSERT INTO "_articles_v_texts" ("order", "parent_id", "path", "text") VALUES (1, ${Number(version.id)}, 'version.topics', 'Refugees')`,
        )
      }
      await migration.up(args as never)
      // Its down and up made the sections table anew: the column a later migration added to it
      // (navigation_and_search_text) goes back as that migration adds it.
      await io.run(`ALTER TABLE "sections" ADD COLUMN "navigation_position" numeric`)
      await io.run(
        `CREATE INDEX "sections_navigation_position_idx" ON "sections" ("navigation_position")`,
      )
    }

    // "National" and "national" are one section; "Asylum", " asylum" and the record one topic.
    const named = async (collection: TaxonomyKind, slug: string) =>
      (await ctx.payload.count({ collection, where: { slug: { equals: slug } } })).totalDocs
    expect(await named('sections', 'national')).toBe(1)
    expect(await named('topics', 'asylum')).toBe(1)
    expect(await named('topics', 'migration-law')).toBe(1)
    expect(await named('topics', 'refugees')).toBe(1)
    // Nothing lost: every story still under its section and topics, the legacy one added.
    expect(await total('sections', 'courts')).toBe(LISTING_PAGE_SIZE + 3)
    expect(await total('topics', 'asylum')).toBe(LISTING_PAGE_SIZE + 4)
    expect(await total('sections', 'national')).toBe(1)
    const story = await ctx.payload.findByID({ collection: 'articles', depth: 1, id: storyId })
    expect((story.section as { name: string }).name).toBe('National')
    expect((story.topics as { name: string }[]).map((topic) => topic.name)).toEqual([
      'Asylum',
      'Migration law',
    ])
    const draft = await ctx.payload.findByID({
      collection: 'articles',
      depth: 1,
      draft: true,
      id: draftId,
    })
    expect((draft.section as { slug: string }).slug).toBe('national')
    expect((draft.topics as { name: string }[]).map((topic) => topic.name)).toEqual(['Refugees'])
  })
})
