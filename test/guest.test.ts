import type { CollectionConfig, Config, Payload, SanitizedConfig } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import { searchPlugin } from '@payloadcms/plugin-search'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildConfig, getPayload } from 'payload'

import { databaseAdapter } from '../src/host/database/database'
import { newsroomPlugin, type NewsroomPluginOptions } from '../src/index'
import { seoPreviewUrl } from '../src/seo/seoOptions'
import { shapeImage } from '../src/lexical/converters/images'
import { freshDatabaseUri } from './helpers/database'
import { createRestClient, type RestClient } from './helpers/rest'
import { endPostgresPool } from './helpers/endPostgresPool'

/**
 * Issue 21: the plugin joins a site that already runs Payload, with its own users (no roles),
 * its own posts, and Payload's official redirects, search and SEO plugins, instead of taking it
 * over. Config-level checks first, then the site running on the suite's database.
 */

/** A site like Payload's website template, before the newsroom: posts, users, its plugins. */
const siteConfig = (started: string[]): Omit<Config, 'db'> => {
  const posts: CollectionConfig = {
    slug: 'posts',
    access: { read: () => true },
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'slug', type: 'text' },
    ],
    versions: { drafts: true },
  }
  const users: CollectionConfig = {
    slug: 'users',
    // As the website template: any signed-in user manages users.
    access: {
      admin: ({ req }) => Boolean(req.user),
      create: ({ req }) => Boolean(req.user),
      delete: ({ req }) => Boolean(req.user),
      read: ({ req }) => Boolean(req.user),
      update: ({ req }) => Boolean(req.user),
    },
    auth: true,
    fields: [{ name: 'name', type: 'text' }],
  }
  return {
    collections: [posts, users],
    globals: [{ slug: 'header', fields: [{ name: 'tagline', type: 'text' }] }],
    // A job of the site's own, queued and run by Payload's queue as the newsroom's are.
    jobs: {
      tasks: [
        {
          slug: 'sendDigest',
          handler: () => {
            digestsSent.push(new Date().toISOString())
            return { output: {} }
          },
        },
      ],
    },
    onInit: () => {
      started.push('site')
    },
    plugins: [
      redirectsPlugin({ collections: ['posts'] }),
      searchPlugin({ collections: ['posts'] }),
      seoPlugin({ collections: ['posts'] }),
    ],
    secret: 'guest-test-secret',
  }
}

/** The site's config with the newsroom added last, as the docs say. */
const withNewsroom = (
  config: Omit<Config, 'db'>,
  options?: NewsroomPluginOptions,
): Omit<Config, 'db'> => ({
  ...config,
  plugins: [...(config.plugins ?? []), newsroomPlugin(options)],
})

/** When the site's own job ran. */
const digestsSent: string[] = []

const fieldNamed = (fields: unknown[], name: string): any =>
  (fields as { name?: string }[]).find((field) => field.name === name)

describe('the newsroom on an existing site, in its config', () => {
  let config: SanitizedConfig

  beforeAll(async () => {
    config = await buildConfig({
      ...withNewsroom(siteConfig([]), {
        overrides: {
          articles: { hooks: { beforeChange: [({ data }) => data] } },
        },
        seo: { globals: ['header'] },
      }),
      db: databaseAdapter({
        defaultSqliteFile: ':memory:',
        migrationsDir: os.tmpdir(),
        uri: 'file::memory:',
      }),
      editor: lexicalEditor(),
    })
  })

  it("keeps one redirects and one search collection, the site's, and points them at stories", () => {
    const slugs = config.collections.map((collection) => collection.slug)
    expect(slugs.filter((slug) => slug === 'redirects')).toHaveLength(1)
    expect(slugs.filter((slug) => slug === 'search')).toHaveLength(1)

    const redirects = config.collections.find((collection) => collection.slug === 'redirects')!
    const to = fieldNamed(redirects.fields, 'to')
    expect(fieldNamed(to.fields, 'reference').relationTo).toEqual(['posts', 'articles'])
    // The site's own redirects collection is not moved into the newsroom's group.
    expect(JSON.stringify(redirects.admin?.group ?? null)).not.toContain('Newsroom')

    const search = config.collections.find((collection) => collection.slug === 'search')!
    expect(fieldNamed(search.fields, 'doc').relationTo).toEqual(['posts', 'articles'])
  })

  it("adds the override's hooks after the newsroom's, never instead of them", () => {
    const articles = config.collections.find((collection) => collection.slug === 'articles')!
    const bare = newsroomPlugin()({
      collections: [],
      db: {} as Config['db'],
      secret: 'x',
    }) as Config
    const plain = bare.collections!.find((collection) => collection.slug === 'articles')!
    expect(articles.hooks.beforeChange).toHaveLength((plain.hooks?.beforeChange?.length ?? 0) + 1)
  })

  it("keeps the SEO fields plugin-seo adds to the site's globals", () => {
    const header = config.globals.find((global) => (global.slug as string) === 'header')!
    expect(fieldNamed(header.fields, 'meta')).toBeDefined()
    expect(config.globals.map((global) => global.slug)).toEqual(
      expect.arrayContaining(['header', 'front-page']),
    )
  })

  it("leaves the newsroom's globals out of the site's generated GlobalSlug", () => {
    const step = config.typescript.schema?.at(-1)
    const jsonSchema = {
      properties: {
        globals: {
          properties: { 'front-page': {}, header: {} },
          required: ['header', 'front-page'],
        },
        globalsSelect: { properties: { 'front-page': {}, header: {} } },
      },
    }
    const result = step?.({ jsonSchema } as never) as typeof jsonSchema
    expect(Object.keys(result.properties.globals.properties)).toEqual(['header'])
    expect(result.properties.globals.required).toEqual(['header'])
    expect(Object.keys(result.properties.globalsSelect.properties)).toEqual(['header'])
  })

  it('shows no search "Reindex" button where nobody may create search records', () => {
    const own = newsroomPlugin()({
      collections: [],
      db: {} as Config['db'],
      secret: 'x',
    }) as Config
    const search = own.collections!.find((collection) => collection.slug === 'search')!
    expect(JSON.stringify(search.admin?.components ?? {})).not.toContain('ReindexButton')
  })
})

describe("plugin-seo's search preview", () => {
  type Args = Parameters<typeof seoPreviewUrl>[0]
  const preview = (collection: string | undefined, doc: object) =>
    seoPreviewUrl({
      collectionConfig: collection ? { slug: collection } : undefined,
      doc,
      req: { payload: { config: { custom: {}, serverURL: 'https://news.example' } } },
    } as unknown as Args)

  it("shows a story's and a case's real URL on the public site", async () => {
    expect(await preview('articles', { slug: 'asylum-ruling' })).toBe(
      'https://news.example/news/asylum-ruling',
    )
    expect(await preview('cases', { slug: 'matter-of-a-b' })).toBe(
      'https://news.example/cases/matter-of-a-b',
    )
    expect(await preview(undefined, {})).toBe('')
  })
})

describe("a site's media caption in rich text", () => {
  it('reaches readers as plain text', () => {
    const caption = {
      root: {
        children: [
          {
            children: [{ text: 'Protesters outside the court', type: 'text', version: 1 }],
            type: 'paragraph',
            version: 1,
          },
        ],
        type: 'root',
        version: 1,
      },
    }
    expect(shapeImage({ id: 1, caption })?.caption).toBe('Protesters outside the court')
    expect(shapeImage({ id: 2, caption: 'Plain' })?.caption).toBe('Plain')
  })
})

describe('the newsroom joining a running site', () => {
  const started: string[] = []
  let payload: Payload
  let rest: RestClient
  let owner: { id: number | string }
  const ownerEmail = `owner-${randomUUID().slice(0, 8)}@site.test`
  // The site's own password rule, shorter than the newsroom's 12 characters.
  const ownerPassword = 'short-pw'

  beforeAll(async () => {
    const uri = await freshDatabaseUri()
    const migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-guest-'))
    const config = await buildConfig({
      ...withNewsroom(siteConfig(started), {
        roles: { of: (user) => (user.email === 'editor@site.test' ? ['editor'] : []) },
      }),
      db: databaseAdapter({ defaultSqliteFile: ':memory:', migrationsDir, uri }),
      editor: lexicalEditor(),
      onInit: () => {
        started.push('site')
      },
      // Payload's CLI would otherwise regenerate types from the repository's own config (on
      // MongoDB: every id a string), and the production build after this suite would differ.
      typescript: { autoGenerate: false },
    })
    payload = await getPayload({ config, key: `guest-${randomUUID()}` })
    rest = createRestClient(config)
    // The site's code makes users as it always did: no roles, its own password rule.
    owner = await payload.create({
      collection: 'users',
      data: { email: ownerEmail, password: ownerPassword } as never,
    })
  })

  afterAll(async () => {
    await payload?.destroy()
    if (payload) await endPostgresPool(payload)
  })

  it("runs the site's start-up before the newsroom's", () => {
    expect(started[0]).toBe('site')
  })

  it('lets the site keep making users without roles, and they are nobody in the newsroom', async () => {
    const user = await payload.findByID({ collection: 'users', id: owner.id })
    expect((user as { roles?: string[] }).roles ?? []).toEqual([])
    const token = await rest.login(ownerEmail, ownerPassword)
    const { status } = await rest.post('/api/articles', {
      body: { headline: 'Not yet' },
      token,
    })
    expect(status).toBe(403)
  })

  it("lets the site's owner make themselves a newsroom admin through the API, then publish", async () => {
    const token = await rest.login(ownerEmail, ownerPassword)
    const promoted = await rest.patch(`/api/users/${owner.id}`, {
      body: { roles: ['admin'] },
      token,
    })
    expect(promoted.status).toBe(200)
    expect(promoted.body.doc.roles).toEqual(['admin'])

    const fresh = await rest.login(ownerEmail, ownerPassword)
    const created = await rest.post('/api/articles', {
      body: { _status: 'published', headline: 'Guest story', slug: 'guest-story' },
      token: fresh,
    })
    expect(created.status).toBe(201)
    const read = await rest.get('/api/articles?where[slug][equals]=guest-story')
    expect(read.body.docs.map((doc: { headline: string }) => doc.headline)).toEqual(['Guest story'])
  })

  it('gives the roles the site says a user holds (roles.of)', async () => {
    const editor = await payload.create({
      collection: 'users',
      data: { email: 'editor@site.test', password: ownerPassword } as never,
    })
    const read = await payload.findByID({ collection: 'users', id: editor.id })
    expect((read as { roles?: string[] }).roles).toEqual(['editor'])
    const token = await rest.login('editor@site.test', ownerPassword)
    const created = await rest.post('/api/articles', {
      body: { _status: 'published', headline: 'By the site editor', slug: 'site-editor' },
      token,
    })
    expect(created.status).toBe(201)
  })

  it("writes a live story's slug change into the site's redirects, and the story into its search", async () => {
    const token = await rest.login(ownerEmail, ownerPassword)
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: 'guest-story' } },
    })
    const renamed = await rest.patch(`/api/articles/${docs[0].id}`, {
      body: { _status: 'published', slug: 'guest-story-renamed' },
      token,
    })
    expect(renamed.status).toBe(200)
    const redirects = await payload.find({ collection: 'redirects' as never, depth: 0 })
    expect(redirects.docs).toEqual([
      expect.objectContaining({
        from: '/news/guest-story',
        to: expect.objectContaining({
          reference: { relationTo: 'articles', value: docs[0].id },
        }),
      }),
    ])
    const results = await payload.find({ collection: 'search' as never, depth: 0 })
    expect(
      results.docs.map((doc) => (doc as unknown as { doc: { relationTo: string } }).doc.relationTo),
    ).toContain('articles')
  })

  it("answers the site's GraphQL queries as before: no newsroom limits on its posts", async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `p${i}: Posts(limit: 1) { totalDocs }`)
    const many = await rest.graphql(`{ ${aliases.join(' ')} }`)
    expect(many.body.errors).toBeUndefined()
    const big = await rest.graphql('{ Posts(limit: 500) { docs { id } } }')
    expect(big.body.errors).toBeUndefined()
    // The newsroom's own collections keep their limits.
    const articleAliases = Array.from(
      { length: 21 },
      (_, i) => `a${i}: Articles(limit: 1) { totalDocs }`,
    )
    const limited = await rest.graphql(`{ ${articleAliases.join(' ')} }`)
    expect(JSON.stringify(limited.body.errors)).toContain('alias')
  })

  it("leaves the site's own jobs to the site: its users cancel them, its queue runs them", async () => {
    // A member of the site's staff with no newsroom role: a story's schedule is not theirs to
    // cancel, the site's own job is.
    const member = await payload.create({
      collection: 'users',
      data: { email: `member-${randomUUID().slice(0, 8)}@site.test`, password: ownerPassword },
    } as never)
    const queueDigest = () =>
      payload.jobs.queue({ input: {}, task: 'sendDigest' } as never) as Promise<{ id: number }>
    const queued = await queueDigest()
    await payload.delete({
      collection: 'payload-jobs',
      id: queued.id,
      user: { ...member, collection: 'users' },
    })
    const left = await payload.find({
      collection: 'payload-jobs',
      where: { id: { equals: queued.id } },
    })
    expect(left.docs).toHaveLength(0)

    const sent = digestsSent.length
    await queueDigest()
    await payload.jobs.run()
    expect(digestsSent.length).toBe(sent + 1)
  })
})
