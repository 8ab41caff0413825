import type { AcceptedLanguages, I18n, I18nClient } from '@payloadcms/translations'
import type { Config, Field, SanitizedConfig } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { initI18n } from '@payloadcms/translations'
import { createClientConfig } from 'payload'

import { collectionSlugs } from '../src/collectionSlugs'
import { FRONT_PAGE_SLUG } from '../src/globals/FrontPage'
import { newsroomPlugin } from '../src/plugin'
import { translations, withTranslations } from '../src/translations'
import { failingFields, fieldMessage } from './helpers/errors'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * The admin in the newsroom's language: every label, description, option and tab of the
 * newsroom's collections goes through Payload's `t` (a hard-coded string fails here), Spanish
 * has every key English has, the site's own translations and languages are kept, and the API's
 * validation errors answer in the language the request asks for.
 */

let ctx: TestPayload
let rest: RestClient
let token: string
let english: I18n
let spanish: I18n

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  token = await signIn(ctx.payload, rest, 'editor')
  const i18n = ctx.config.i18n
  english = (await initI18n({ config: i18n, context: 'api', language: 'en' })) as I18n
  spanish = (await initI18n({ config: i18n, context: 'api', language: 'es' })) as I18n
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

/** The newsroom's collections whose every label must be translated. */
const TRANSLATED_COLLECTIONS = [
  collectionSlugs.articles,
  collectionSlugs.cases,
  collectionSlugs.quotes,
  collectionSlugs.claims,
  collectionSlugs.media,
  collectionSlugs.people,
  collectionSlugs.relatedStories,
  collectionSlugs.sections,
  collectionSlugs.topics,
]

/** Fields Payload or its official plugins add and translate themselves. */
const NOT_OURS = new Set(['_status', 'createdAt', 'id', 'meta', 'updatedAt'])

type Labelled = { label?: unknown }

/** A label or description as an editor reads it in each language; hard-coded text fails. */
const resolve = (where: string, value: unknown): { en: string; es: string } => {
  if (typeof value !== 'function') {
    throw new Error(`${where} is ${JSON.stringify(value)}, not translated through t`)
  }
  const en = value({ i18n: english, t: english.t }) as string
  const es = value({ i18n: spanish, t: spanish.t }) as string
  for (const text of [en, es]) {
    // Payload's t answers a key it does not know with the key itself.
    if (!text || text.startsWith('newsroom:')) {
      throw new Error(`${where} has no text for its key (${text})`)
    }
  }
  return { en, es }
}

/** Every label, description, option and tab under `fields`, with where it is. */
const texts = (fields: Field[], where: string): { value: unknown; where: string }[] =>
  fields.flatMap((field) => {
    const admin = (field as { admin?: { description?: unknown; hidden?: boolean } }).admin
    const name = 'name' in field ? field.name : undefined
    if (field.type === 'ui' || admin?.hidden || (name && NOT_OURS.has(name))) {
      return []
    }
    const at = name ? `${where}.${name}` : where
    const own = name ? [{ value: (field as Labelled).label, where: `${at} label` }] : []
    if (admin?.description !== undefined) {
      own.push({ value: admin.description, where: `${at} description` })
    }
    if ('options' in field && field.type === 'select' && name !== 'rating') {
      // The fact-check rating scale is the site's own (the `factChecks.ratings` option).
      for (const option of field.options) {
        own.push({
          value: typeof option === 'string' ? option : option.label,
          where: `${at} option`,
        })
      }
    }
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab, index) => [
        { value: tab.label, where: `${at} tab ${index}` },
        ...texts(tab.fields, `${at}.tab${index}`),
      ])
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      return [...own, ...texts(field.fields, at)]
    }
    return own
  })

describe('labels', () => {
  it("every label, description, option and tab of the newsroom's collections reads differently in English and Spanish", () => {
    const problems: string[] = []
    for (const slug of TRANSLATED_COLLECTIONS) {
      const collection = ctx.config.collections.find((entry) => entry.slug === slug)!
      const names = [collection.labels.singular, collection.labels.plural]
      const all = [
        ...names.map((value) => ({ value, where: `${slug} name` })),
        ...texts(collection.fields, slug),
      ]
      for (const { value, where } of all) {
        try {
          const { en, es } = resolve(where, value)
          if (en === es) {
            problems.push(`${where} reads "${en}" in both languages`)
          }
        } catch (error) {
          problems.push((error as Error).message)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it("the front page global's name, description and fields are translated", () => {
    const frontPage = ctx.config.globals.find((global) => global.slug === FRONT_PAGE_SLUG)!
    const all = [
      { value: frontPage.label, where: 'front page name' },
      ...texts(frontPage.fields, FRONT_PAGE_SLUG),
    ]
    // Per language, not a function: the browser gets a global's description as it is.
    expect(frontPage.admin.description).toEqual({
      en: translations.en.newsroom.frontPageDescription,
      es: translations.es.newsroom.frontPageDescription,
    })
    for (const { value, where } of all) {
      const { en, es } = resolve(where, value)
      expect([where, es]).not.toEqual([where, en])
    }
  })

  it('the config the admin sends to the browser holds no function, and reads in Spanish', async () => {
    const functions = (value: unknown, path: string): string[] => {
      if (typeof value === 'function') {
        return [path]
      }
      if (value === null || typeof value !== 'object') {
        return []
      }
      return Object.entries(value).flatMap(([key, inner]) => functions(inner, `${path}.${key}`))
    }
    const clientConfig = async (language: AcceptedLanguages) =>
      createClientConfig({
        config: ctx.config,
        i18n: (await initI18n({
          config: ctx.config.i18n,
          context: 'client',
          language,
        })) as I18nClient,
        importMap: {},
        // The whole config, as a signed-in editor's browser gets it.
        user: true,
      })
    for (const language of ['en', 'es'] as const) {
      const client = await clientConfig(language)
      // A function there cannot reach a client component: the admin's pages answer 500.
      const newsroom = [
        ...client.collections.filter((entry) =>
          TRANSLATED_COLLECTIONS.includes(entry.slug as never),
        ),
        ...client.globals,
      ]
      expect(newsroom.flatMap((entry) => functions(entry, entry.slug))).toEqual([])
    }
    const client = await clientConfig('es')
    const articles = client.collections.find((entry) => entry.slug === 'articles')!
    expect(articles.labels).toEqual({ plural: 'Artículos', singular: 'Artículo' })
    expect(client.globals.find((entry) => entry.slug === FRONT_PAGE_SLUG)?.label).toBe('Portada')
  })

  it('the sidebar group is named in both languages', () => {
    const articles = ctx.config.collections.find((entry) => entry.slug === 'articles')!
    expect(articles.admin.group).toEqual({ en: 'Newsroom', es: 'Redacción' })
  })

  it('resolves a label with its values filled in', () => {
    const articles = ctx.config.collections.find((entry) => entry.slug === 'articles')!
    const related = texts(articles.fields, 'articles').find(({ where }) =>
      where.endsWith('.relatedCoverage description'),
    )!
    expect(resolve(related.where, related.value)).toEqual({
      en: 'Shown under the story in this order (drag to reorder); at most 6.',
      es: 'Se muestran bajo la nota en este orden (arrastra para reordenar); como máximo 6.',
    })
  })
})

describe('translations', () => {
  it('Spanish has every key English has, and no other, each with text', () => {
    const { en, es } = translations
    expect(Object.keys(es.newsroom).sort()).toEqual(Object.keys(en.newsroom).sort())
    for (const [key, text] of Object.entries(es.newsroom)) {
      expect([key, typeof text === 'string' && text.trim() !== '']).toEqual([key, true])
    }
  })

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map(([, n]) => n)
    const { en, es } = translations
    for (const [key, text] of Object.entries(en.newsroom)) {
      const spanishText = es.newsroom[key as keyof typeof es.newsroom]
      expect([key, placeholders(spanishText).sort()]).toEqual([key, placeholders(text).sort()])
    }
  })

  it("keeps the site's own text, languages and overrides of ours", () => {
    const site: Config = {
      i18n: {
        fallbackLanguage: 'en',
        translations: { en: { newsroom: { headline: 'Title' }, site: { hello: 'Hello' } } },
      },
    } as unknown as Config
    const merged = withTranslations(site).i18n!
    const en = merged.translations!.en as Record<string, Record<string, string>>
    expect(en.site).toEqual({ hello: 'Hello' })
    expect(en.newsroom.headline).toBe('Title')
    expect(en.newsroom.dek).toBe('Dek')
    expect((merged.translations!.es as typeof en).newsroom.headline).toBe('Titular')
    // A language the site enables later shows English, never a bare key.
    expect((merged.translations!.fr as typeof en).newsroom.headline).toBe('Headline')
    expect(merged.fallbackLanguage).toBe('en')
    expect(merged.supportedLanguages).toBeUndefined()
  })

  it("the plugin leaves the site's supported languages as they are", async () => {
    const config = await newsroomPlugin()({ collections: [], secret: 'x' } as unknown as Config)
    expect(config.i18n?.supportedLanguages).toBeUndefined()
    expect((config.i18n?.translations?.es as Record<string, unknown>).newsroom).toBeDefined()
    // plugin-seo's own namespace survives the merge.
    expect((config.i18n?.translations?.es as Record<string, unknown>)['plugin-seo']).toBeDefined()
  })

  it('the app offers the admin in English and Spanish', () => {
    expect(Object.keys((ctx.config as SanitizedConfig).i18n.supportedLanguages).sort()).toEqual([
      'en',
      'es',
    ])
  })
})

describe('errors in the request language', () => {
  const badSlug = { headline: 'Bad slug', slug: 'Not A Slug' }

  it('answers a field validation error in Spanish to Accept-Language: es', async () => {
    const { body, status } = await rest.post('/api/articles', {
      body: badSlug,
      headers: { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' },
      token,
    })
    expect(status).toBe(400)
    expect(failingFields(body)).toContain('slug')
    expect(fieldMessage(body, 'slug')).toBe(translations.es.newsroom.slugPattern)
  })

  it("answers in Spanish to Payload's language cookie, and in English without either", async () => {
    const withCookie = await rest.post('/api/articles', {
      body: badSlug,
      headers: { cookie: 'payload-lng=es' },
      token,
    })
    expect(fieldMessage(withCookie.body, 'slug')).toBe(translations.es.newsroom.slugPattern)
    const plain = await rest.post('/api/articles', { body: badSlug, token })
    expect(fieldMessage(plain.body, 'slug')).toBe(translations.en.newsroom.slugPattern)
  })

  it("answers a hook's error in Spanish, with its values filled in", async () => {
    const draft = await rest.post('/api/articles', { body: { headline: 'Not out yet' }, token })
    expect(draft.status).toBe(201)
    const { body, status } = await rest.patch(`/api/articles/${draft.body.doc.id}`, {
      body: { corrections: [{ text: 'An early correction', type: 'correction' }] },
      headers: { 'accept-language': 'es' },
      token,
    })
    expect(status).toBe(400)
    expect(fieldMessage(body, 'corrections')).toBe(
      translations.es.newsroom.correctionsBeforePublish,
    )
    const url = await rest.post('/api/related-stories', {
      body: { headline: 'Elsewhere', url: 'javascript:alert(1)' },
      headers: { 'accept-language': 'es' },
      token,
    })
    expect(url.status).toBe(400)
    expect(fieldMessage(url.body, 'url')).toBe(
      'Solo los enlaces http(s) llegan a un lector; se rechazan las URL «javascript:».',
    )
  })
})
