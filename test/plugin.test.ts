import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { t as translateWith } from '@payloadcms/translations'
import type { CollectionConfig, Config, Field } from 'payload'
import { buildConfig } from 'payload'

import { databaseKind } from '../src/host/database/database'
import { newsroomPlugin, type NewsroomPluginOptions } from '../src/index'
import { resolvePayloadSecret } from '../src/host/secret'
import { translations } from '../src/translations'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/** Enough of a config to run the plugin on; only the returned object is inspected. */
const minimalConfig = (collections: CollectionConfig[] = []): Config => ({
  collections,
  db: {} as Config['db'],
  secret: 'x',
})

const applyPlugin = async (options?: NewsroomPluginOptions, config = minimalConfig()) =>
  newsroomPlugin(options)(config)

const collectionOf = (config: Config, slug: string): CollectionConfig => {
  const matches = (config.collections ?? []).filter((collection) => collection.slug === slug)
  expect(matches).toHaveLength(1)
  return matches[0]
}

/** Data fields by name, looking through rows, collapsibles and unnamed tabs as Payload does. */
const dataFieldNames = (fields: Field[]): string[] =>
  fields.flatMap((field) => {
    if ('name' in field && field.name) {
      return [field.name]
    }
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name ? [tab.name] : dataFieldNames(tab.fields),
      )
    }
    return 'fields' in field ? dataFieldNames(field.fields) : []
  })

/** Finds a data field by name anywhere in the tree (through rows, tabs and groups). */
const findField = (fields: Field[], name: string): Field | undefined => {
  for (const field of fields) {
    if ('name' in field && field.name === name) {
      return field
    }
    const children =
      field.type === 'tabs'
        ? field.tabs.flatMap((tab) => tab.fields)
        : 'fields' in field
          ? field.fields
          : []
    const found = findField(children, name)
    if (found) {
      return found
    }
  }
  return undefined
}

describe('newsroomPlugin on a config', () => {
  it("adds its thirteen collections, its internal change log and the official plugins' redirects and search, by their public slugs", async () => {
    const config = await applyPlugin()
    expect((config.collections ?? []).map((collection) => collection.slug).sort()).toEqual(
      [
        'activity',
        'articles',
        'cases',
        'claims',
        'editorial-comments',
        'media',
        'newsroom-changes',
        'notifications',
        'people',
        'quotes',
        'redirects',
        'related-stories',
        'search',
        'sections',
        'topics',
        'users',
      ].sort(),
    )
    expect(config.admin?.user).toBe('users')
    expect(collectionOf(config, 'users').auth).toBeTruthy()
    expect(collectionOf(config, 'media').upload).toBeTruthy()
  })

  it("keeps the app's other collections and settings", async () => {
    const tags: CollectionConfig = { slug: 'tags', fields: [{ name: 'label', type: 'text' }] }
    const config = await applyPlugin(undefined, {
      ...minimalConfig([tags]),
      serverURL: 'https://news.example',
    })
    // Everything it had, and only the two read hooks a host's API cache relies on: they do
    // nothing outside the cache's own recorded requests (see apiReadHooks).
    const { hooks, ...rest } = collectionOf(config, 'tags')
    expect(rest).toEqual({ fields: tags.fields, slug: 'tags' })
    expect(rest.fields).toBe(tags.fields)
    expect(Object.keys(hooks ?? {}).sort()).toEqual(['afterRead', 'beforeOperation'])
    expect(hooks?.afterRead?.map((hook) => hook.name)).toEqual(['recordRead'])
    expect(hooks?.beforeOperation?.map((hook) => hook.name)).toEqual(['recordOperation'])
    expect(tags).toEqual({ slug: 'tags', fields: [{ name: 'label', type: 'text' }] })
    expect(config.serverURL).toBe('https://news.example')
    expect(config.secret).toBe('x')
  })

  it("keeps an app's own users collection and its rules, adding only name and roles", async () => {
    const appUsers: CollectionConfig = {
      slug: 'users',
      access: { read: () => true },
      auth: { tokenExpiration: 60 },
      fields: [
        { name: 'name', type: 'text', label: 'Full name' },
        { name: 'beat', type: 'text' },
      ],
    }
    const config = await applyPlugin(undefined, minimalConfig([appUsers]))
    const users = collectionOf(config, 'users')

    expect(users.auth).toEqual({ tokenExpiration: 60 })
    expect(users.access).toBe(appUsers.access)
    // The site's own email field and account rules stay as they were: no second email field,
    // no password rules on its users, only the guard on who changes roles.
    expect(dataFieldNames(users.fields)).toEqual(['name', 'beat', 'roles'])
    const hookNames = (users.hooks?.beforeOperation ?? []).map((hook) => hook.name)
    expect(hookNames).not.toContain('passwordRules')
    expect(hookNames).not.toContain('uniformLoginFailures')
    expect((users.hooks?.afterError ?? []).map((hook) => hook.name)).not.toContain(
      'hideAccountLock',
    )
    const name = findField(users.fields, 'name') as { label?: string }
    expect(name.label).toBe('Full name')
    const roles = findField(users.fields, 'roles') as {
      defaultValue?: unknown
      options: { value: string }[]
      required?: boolean
      type: string
    }
    expect(roles.type).toBe('select')
    expect(roles.options.map((option) => option.value)).toEqual([
      'admin',
      'editor',
      'writer',
      'partner',
    ])
    // The site's code that creates users without roles keeps working, and makes nobody a writer.
    expect(roles.required).toBe(false)
    expect(roles.defaultValue).toBeUndefined()
  })

  it("puts the newsroom's account rules on an app's users only when it opts in", async () => {
    const config = await applyPlugin(
      { hardening: { accounts: true } },
      minimalConfig([{ slug: 'users', auth: true, fields: [{ name: 'beat', type: 'text' }] }]),
    )
    const users = collectionOf(config, 'users')
    expect(dataFieldNames(users.fields)).toEqual(['beat', 'name', 'roles'])
    const hookNames = (users.hooks?.beforeOperation ?? []).map((hook) => hook.name)
    expect(hookNames).toEqual(expect.arrayContaining(['uniformLoginFailures', 'passwordRules']))
    expect((users.hooks?.afterError ?? []).map((hook) => hook.name)).toContain('hideAccountLock')
  })

  it('produces a config Payload accepts, with an app users collection that has a name', async () => {
    const config = await buildConfig({
      collections: [
        { slug: 'users', auth: true, fields: [{ name: 'name', type: 'text', label: 'Full name' }] },
      ],
      db: sqliteAdapter({ client: { url: 'file::memory:' } }),
      editor: lexicalEditor(),
      plugins: [newsroomPlugin()],
      secret: 'x',
    })
    const users = config.collections.find((collection) => collection.slug === 'users')
    expect(users?.fields.filter((field) => 'name' in field && field.name === 'name')).toHaveLength(
      1,
    )
    expect(config.collections.map((collection) => collection.slug)).toEqual(
      expect.arrayContaining(['articles', 'quotes', 'cases', 'related-stories', 'media']),
    )
  })

  it('sees fields the app nested in rows and collapsibles, so Payload accepts the config', async () => {
    const config = await buildConfig({
      collections: [
        {
          slug: 'users',
          auth: true,
          fields: [
            { type: 'row', fields: [{ name: 'name', type: 'text' }] },
            {
              type: 'collapsible',
              fields: [{ name: 'roles', type: 'select', hasMany: true, options: ['admin'] }],
              label: 'Access',
            },
          ],
        },
      ],
      db: sqliteAdapter({ client: { url: 'file::memory:' } }),
      editor: lexicalEditor(),
      plugins: [newsroomPlugin()],
      secret: 'x',
    })
    const users = config.collections.find((collection) => collection.slug === 'users')
    expect(users?.fields.some((field) => 'name' in field && field.name === 'name')).toBe(false)
  })

  it('lets overrides.articles.admin change the group and keep the rest of admin', async () => {
    const defaults = collectionOf(await applyPlugin(), 'articles')
    expect(defaults.admin?.group).toEqual({ en: 'Newsroom', es: 'Redacción' })

    const config = await applyPlugin({ overrides: { articles: { admin: { group: 'Stories' } } } })
    const articles = collectionOf(config, 'articles')
    expect(articles.admin?.group).toBe('Stories')
    expect(articles.admin?.useAsTitle).toBe('headline')
    expect(articles.admin?.defaultColumns).toEqual(defaults.admin?.defaultColumns)
    expect(articles.versions).toEqual(defaults.versions)
    // Other collections keep their group.
    expect(collectionOf(config, 'quotes').admin?.group).toEqual(defaults.admin?.group)
  })

  it("passes the plugin's quote fields to overrides.quotes.fields and uses what it returns", async () => {
    const defaultQuoteFields = collectionOf(await applyPlugin(), 'quotes').fields
    let received: Field[] | undefined
    const config = await applyPlugin({
      overrides: {
        quotes: {
          fields: ({ defaultFields }) => {
            received = defaultFields
            return [...defaultFields, { name: 'language', type: 'text' }]
          },
        },
      },
    })

    // Same fields as the plugin's own (validators are fresh closures, so compare the data).
    expect(JSON.stringify(received)).toBe(JSON.stringify(defaultQuoteFields))
    expect(dataFieldNames(received ?? [])).toEqual(
      expect.arrayContaining(['text', 'speaker', 'medium', 'verification', 'articles']),
    )
    const quotes = collectionOf(config, 'quotes')
    expect(dataFieldNames(quotes.fields)).toEqual([
      ...dataFieldNames(defaultQuoteFields),
      'language',
    ])
    expect(quotes.slug).toBe('quotes')
    expect(quotes.admin?.useAsTitle).toBe('label')
  })

  it('merges overrides.media.upload one level deep, keeping the image sizes', async () => {
    const config = await applyPlugin({
      overrides: { media: { upload: { staticDir: '/srv/newsroom/media' } } },
    })
    const upload = collectionOf(config, 'media').upload
    expect(typeof upload).toBe('object')
    expect(upload).toMatchObject({ mimeTypes: ['image/*'], staticDir: '/srv/newsroom/media' })
    expect(
      (upload as { imageSizes: { name: string; width: number }[] }).imageSizes.map(
        ({ name, width }) => [name, width],
      ),
    ).toEqual([
      ['thumbnail', 400],
      ['card', 800],
      ['hero', 1600],
    ])
  })

  it('sets the related-coverage limit from maxRelatedCoverage, 6 by default', async () => {
    const relatedCoverage = async (options?: NewsroomPluginOptions) =>
      findField(
        collectionOf(await applyPlugin(options), 'articles').fields,
        'relatedCoverage',
      ) as unknown as {
        admin: { description: (args: { t: (key: string, vars?: object) => string }) => string }
        maxRows: number
      }

    expect((await relatedCoverage()).maxRows).toBe(6)
    const limited = await relatedCoverage({ maxRelatedCoverage: 2 })
    expect(limited.maxRows).toBe(2)
    // The description reads as the admin's English does.
    const english = (key: string, vars?: object) =>
      translateWith({ key, translations: translations.en, vars: vars as Record<string, string> })
    expect(limited.admin.description({ t: english })).toMatch(/at most 2\b/)
  })
})

describe('the related-coverage limit in the running app', () => {
  let ctx: TestPayload
  let rest: RestClient
  let token: string
  let storyIds: (number | string)[]

  const articleCount = async () => (await ctx.payload.count({ collection: 'articles' })).totalDocs

  /** The field paths and messages a REST validation error names. */
  const fieldErrors = (body: any): { message: string; path: string }[] =>
    (body?.errors ?? []).flatMap((error: any) => error?.data?.errors ?? [])

  beforeAll(async () => {
    ctx = await startTestPayload()
    rest = createRestClient(ctx.config)
    token = await signIn(ctx.payload, rest, 'admin')
    storyIds = []
    for (let index = 1; index <= 7; index += 1) {
      const { body, status } = await rest.post('/api/related-stories', {
        body: { headline: `Related story ${index}`, url: `https://example.com/related/${index}` },
        token,
      })
      expect(status).toBe(201)
      storyIds.push(body.doc.id)
    }
  })

  afterAll(async () => {
    await ctx?.payload.destroy()
  })

  it('refuses an article with 7 related stories, naming relatedCoverage, and saves nothing', async () => {
    const before = await articleCount()
    const { body, status } = await rest.post('/api/articles', {
      body: { headline: 'Too much related coverage', relatedCoverage: storyIds },
      token,
    })
    expect(status).toBe(400)
    expect(body.errors[0].name).toBe('ValidationError')
    const errors = fieldErrors(body)
    expect(errors.map((error) => error.path)).toEqual(['relatedCoverage'])
    expect(errors[0].message).toMatch(/\b6\b/)
    expect(await articleCount()).toBe(before)
  })

  it('accepts 6 related stories, in the order given', async () => {
    const six = storyIds.slice(0, 6).reverse()
    const { body, status } = await rest.post('/api/articles', {
      body: { headline: 'Exactly enough related coverage', relatedCoverage: six },
      token,
    })
    expect(status).toBe(201)
    const { body: article } = await rest.get(`/api/articles/${body.doc.id}?depth=0`, { token })
    expect(article.relatedCoverage.map(String)).toEqual(six.map(String))
  })

  it('refuses a PATCH that would take an article past 6', async () => {
    const created = await rest.post('/api/articles', {
      body: { headline: 'Growing related coverage', relatedCoverage: storyIds.slice(0, 6) },
      token,
    })
    expect(created.status).toBe(201)
    const { body, status } = await rest.patch(`/api/articles/${created.body.doc.id}`, {
      body: { relatedCoverage: storyIds },
      token,
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['relatedCoverage'])
    const { body: article } = await rest.get(`/api/articles/${created.body.doc.id}?depth=0`, {
      token,
    })
    expect(article.relatedCoverage).toHaveLength(6)
  })

  it('refuses the same related story listed twice, naming relatedCoverage', async () => {
    const before = await articleCount()
    const { body, status } = await rest.post('/api/articles', {
      body: {
        headline: 'Repeated related coverage',
        relatedCoverage: [storyIds[0], storyIds[1], storyIds[0]],
      },
      token,
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['relatedCoverage'])
    expect(await articleCount()).toBe(before)
  })
})

describe('databaseKind', () => {
  it.each([
    [undefined, 'sqlite'],
    ['', 'sqlite'],
    ['file:x', 'sqlite'],
    ['file:./data/newsroom.db', 'sqlite'],
    ['postgres://newsroom:secret@db:5432/newsroom', 'postgres'],
    ['postgresql://newsroom@db/newsroom', 'postgres'],
    ['mongodb://db:27017/newsroom', 'mongodb'],
    ['mongodb+srv://cluster.example.net/newsroom', 'mongodb'],
  ])('reads %p as %s', (uri, kind) => {
    expect(databaseKind(uri)).toBe(kind)
  })

  it.each(['mysql://x', 'http://db', 'postgres:/missing-slash'])(
    'refuses %p with a message naming DATABASE_URI',
    (uri) => {
      expect(() => databaseKind(uri)).toThrow(/DATABASE_URI/)
    },
  )
})

describe('resolvePayloadSecret', () => {
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('returns PAYLOAD_SECRET when it is set, in any environment, without a warning', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    expect(resolvePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 's3cret' })).toBe(
      's3cret',
    )
    expect(resolvePayloadSecret({ NODE_ENV: 'development', PAYLOAD_SECRET: 'dev-one' })).toBe(
      'dev-one',
    )
    expect(warn).not.toHaveBeenCalled()
  })

  it('refuses to run in production without a secret', () => {
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET/)
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: '' })).toThrow(
      /PAYLOAD_SECRET/,
    )
  })

  it('falls back to a fixed development secret in development, and warns', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const secret = resolvePayloadSecret({ NODE_ENV: 'development' })
    expect(typeof secret).toBe('string')
    expect(secret.length).toBeGreaterThan(0)
    expect(resolvePayloadSecret({ NODE_ENV: 'development' })).toBe(secret)
    expect(warn).toHaveBeenCalledTimes(2)
    expect(String(warn.mock.calls[0][0])).toMatch(/PAYLOAD_SECRET/)
  })
})
