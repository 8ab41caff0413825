import type { Browser, Locator, Page } from 'playwright-core'

import { afterAll, describe, expect, it } from '@jest/globals'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

import { freePort } from '../src/host/utilities/freePort'
import { launchBrowser } from './helpers/browser'
import {
  cleanEnv,
  packPlugin,
  type Env,
  installedCopies,
  run,
  runPayloadCli,
  type RunningHost,
  serverErrors,
  startHost,
  versionsInTree,
} from './helpers/hostApp'
import { caseCitation, doc, paragraph, pullQuote } from './helpers/lexical'
import { databasePass, servicesAvailable } from './helpers/requiredService'

/**
 * Issue 10: a fresh Payload host installs the packed tarball and uses every plugin feature. The
 * package is packed as it would be published; a copy of test/host-app (Payload's blank template
 * with its own `users`, plus `newsroomPlugin()` and nothing else) installs it, generates its
 * import map, types and migrations, typechecks, builds and starts for production; then a
 * newsroom is made through REST and read back anonymously and through the delivery API, and the
 * article editor is opened in a real browser. A second host that already had its own `media`
 * collection starts from the same build on a database of its own.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FIXTURE = path.join(ROOT, 'test/host-app')
const SHOTS = path.join(ROOT, 'test-results/host-app')
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
const fixturePackage = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'package.json'), 'utf8'))
const PACKAGE = rootPackage.name as string
const PAYLOAD_VERSION = rootPackage.devDependencies.payload as string

// Registered on every run, whatever the database: a test file without tests fails in jest.
describe('the host fixture', () => {
  it('is a host of its own: the versions this repository builds with, and no plugin yet', () => {
    const fixtureDependencies: Record<string, string> = {
      ...fixturePackage.dependencies,
      ...fixturePackage.devDependencies,
    }
    // The test installs the tarball; an entry here would install something else first.
    expect(fixtureDependencies[PACKAGE]).toBeUndefined()
    const pinned = Object.keys(fixtureDependencies).filter(
      (name) => name in rootPackage.devDependencies,
    )
    expect(pinned).toEqual(
      expect.arrayContaining(['payload', '@payloadcms/next', '@payloadcms/ui', 'next', 'react']),
    )
    for (const name of pinned) {
      expect({ name, version: fixtureDependencies[name] }).toEqual({
        name,
        version: rootPackage.devDependencies[name],
      })
    }
  })
})

// `.ci/run` runs `npm test` three times: on SQLite (DATABASE_URI unset), PostgreSQL and MongoDB.
// The host uses its own SQLite file whatever DATABASE_URI says, so building it three times would
// prove nothing more: its tests exist on the SQLite run only (a plain `if`, so the other runs do
// not list them as skipped; one line says why they did not run).
if (
  servicesAvailable('hostApp.test', databasePass('sqlite', 'the host has a database of its own'))
) {
  describe('a fresh Payload host installing the packed plugin', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-host-'))
    const hostDir = path.join(work, 'host')
    const secret = randomBytes(24).toString('hex')
    // Set by each test for the ones after it: they build on one another, in order.
    const state: {
      articleId?: number | string
      browser?: Browser
      caseRecord?: any
      firstHost?: RunningHost
      ownMediaHost?: RunningHost
      quote?: any
      relatedStory?: any
      section?: any
      topic?: any
      tarball?: string
    } = {}
    const finished = new Set<string>()
    /** A test after a failed one fails saying so, rather than with a puzzling error of its own. */
    const requires = (...steps: string[]) => {
      for (const step of steps) {
        if (!finished.has(step)) {
          throw new Error(`needs "${step}", which did not finish: see the failure above`)
        }
      }
    }

    const ADMIN = {
      email: 'editor-in-chief@host.test',
      name: 'Ada Editor',
      password: 'host app pw 1',
    }
    const HEADLINE = 'Appeals board narrows asylum test for gang violence'
    const SLUG = 'appeals-board-narrows-asylum-test-for-gang-violence'
    const OTHER_HEADLINE = 'What the asylum ruling means for pending cases'
    const QUOTE = {
      medium: 'interview',
      speaker: { name: 'Rosa Delgado', organization: 'Border Legal Aid', title: 'Staff attorney' },
      text: 'Nobody in that courtroom expected the board to go this far',
      verification: { status: 'verified' },
    }
    const CASE = {
      caption: 'Matter of M-E-V-G-',
      citation: '26 I&N Dec. 227 (BIA 2014)',
      decidedBy: 'Board of Immigration Appeals',
    }
    const RELATED = {
      headline: 'Read the board’s decision',
      outlet: 'Justice Department',
      url: 'https://example.com/board-decision',
    }

    /** The host's secret, for every command that loads its config. */
    const hostEnv = (extra: Env = {}) => cleanEnv({ PAYLOAD_SECRET: secret, ...extra })
    const databaseFile = (name: string) => `file:${path.join(work, `${name}.db`)}`

    type Reply = { body: any; headers: Headers; status: number }
    /** One REST call to a running host, JSON in and out (multipart when `form` is given). */
    const api = async (
      host: RunningHost,
      method: string,
      url: string,
      {
        body,
        form,
        headers = {},
        token,
      }: { body?: unknown; form?: FormData; headers?: Record<string, string>; token?: string } = {},
    ): Promise<Reply> => {
      const response = await fetch(`${host.baseUrl}${url}`, {
        body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `JWT ${token}` } : {}),
          ...headers,
        },
        method,
      })
      const text = await response.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {
        // Not JSON: kept as text for the assertion to show.
      }
      return { body: parsed, headers: response.headers, status: response.status }
    }
    /** Creates a document as the signed-in admin, failing with Payload's answer otherwise. */
    const create = async (host: RunningHost, collection: string, data: unknown, token: string) => {
      const { body, status } = await api(host, 'POST', `/api/${collection}`, { body: data, token })
      expect({ body, status }).toMatchObject({ status: 201 })
      return body.doc
    }
    /** The first account, through the create-first-user endpoint the admin's first screen uses. */
    const registerFirstUser = async (host: RunningHost) => {
      const { body, status } = await api(host, 'POST', '/api/users/first-register', {
        body: ADMIN,
      })
      expect({ body, status }).toMatchObject({ status: 200 })
      return body as { token: string; user: any }
    }
    const pngOf = (width: number, height: number) =>
      sharp({ create: { background: '#b03a2e', channels: 3, height, width } })
        .png()
        .toBuffer()
    const uploadForm = async (data: Record<string, unknown>) => {
      const form = new FormData()
      form.append(
        'file',
        new Blob([new Uint8Array(await pngOf(64, 48))], { type: 'image/png' }),
        'hero.png',
      )
      form.append('_payload', JSON.stringify(data))
      return form
    }

    afterAll(async () => {
      await state.browser?.close()
      await state.firstHost?.stop()
      await state.ownMediaHost?.stop()
      fs.rmSync(work, { force: true, recursive: true })
    }, 60_000)

    it('packs a tarball holding only dist/, README.md, LICENSE and package.json', async () => {
      // dist/package has a package.json of its own, with no app scripts.
      const { stdout } = await packPlugin(ROOT, work)
      // npm prints the JSON last; lifecycle scripts may have written lines before it.
      const [packed] = JSON.parse(stdout.slice(stdout.search(/^\[/m)))
      const files: string[] = packed.files.map((file: { path: string }) => file.path)
      expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual([
        'LICENSE',
        'README.md',
        'package.json',
      ])
      // Its package.json carries no script of this app (dev, seed, bench: files not shipped).
      const manifest = JSON.parse(
        (
          await run('tar', ['-xOzf', packed.filename, 'package/package.json'], {
            cwd: work,
            env: cleanEnv(),
          })
        ).stdout,
      )
      expect(manifest.scripts).toBeUndefined()
      expect(manifest.devDependencies).toBeUndefined()
      expect(manifest.peerDependencies).toEqual(rootPackage.peerDependencies)
      // Every entry point the exports map names is in it, code and declarations.
      const targets = Object.values(
        rootPackage.exports as Record<string, { import: string; types: string }>,
      ).flatMap(({ import: code, types }) => [code, types])
      for (const target of targets) {
        expect(files).toContain(target.replace(/^\.\//, ''))
      }
      state.tarball = path.join(work, packed.filename)
      expect(fs.existsSync(state.tarball)).toBe(true)
      finished.add('pack')
    }, 300_000)

    it('installs into a fresh host that ends with one copy of payload and of @payloadcms/ui', async () => {
      requires('pack')
      fs.cpSync(FIXTURE, hostDir, {
        filter: (source) => !/[\\/](node_modules|\.next)$/.test(source),
        recursive: true,
      })
      const env = cleanEnv()
      await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: hostDir, env })
      await run('npm', ['install', '--no-audit', '--no-fund', state.tarball as string], {
        cwd: hostDir,
        env,
      })
      const installed = JSON.parse(fs.readFileSync(path.join(hostDir, 'package.json'), 'utf8'))
      expect(installed.dependencies[PACKAGE]).toMatch(/^file:.*\.tgz$/)

      for (const name of ['payload', '@payloadcms/ui']) {
        // `npm ls` also exits non-zero on a missing or invalid peer dependency.
        const { stdout } = await run('npm', ['ls', name, '--all', '--json'], { cwd: hostDir, env })
        expect([...new Set(versionsInTree(JSON.parse(stdout), name))]).toEqual([PAYLOAD_VERSION])
        expect(installedCopies(hostDir, name)).toEqual([path.join('node_modules', name)])
      }
      // The plugin brings nothing of its own: its peers are the host's.
      expect(fs.existsSync(path.join(hostDir, 'node_modules', PACKAGE, 'node_modules'))).toBe(false)
      finished.add('install')
    }, 600_000)

    it('generates an import map that loads the admin components from the package', async () => {
      requires('install')
      await runPayloadCli(['run', 'generate:importmap'], {
        cwd: hostDir,
        done: /Writing import map/,
        env: hostEnv(),
      })
      const importMap = fs.readFileSync(
        path.join(hostDir, 'src/app/(payload)/admin/importMap.js'),
        'utf8',
      )
      for (const component of [
        'PullQuoteLabel',
        'CaseCitationLabel',
        'QuoteChecks',
        'RelatedSuggestions',
        'EditorialDiscussion',
      ]) {
        expect(importMap).toMatch(
          new RegExp(`import \\{ ${component} as \\w+ \\} from '${PACKAGE}/client'`),
        )
        expect(importMap).toContain(`"${PACKAGE}/client#${component}":`)
      }
      finished.add('importmap')
    }, 120_000)

    it('generates types and migrations for both hosts, and typechecks with tsc --noEmit', async () => {
      requires('importmap')
      await runPayloadCli(['run', 'generate:types'], {
        cwd: hostDir,
        done: /Types written to/,
        env: hostEnv(),
      })
      const types = fs.readFileSync(path.join(hostDir, 'src/payload-types.ts'), 'utf8')
      const collections = types.slice(
        types.indexOf('collections: {'),
        types.indexOf('};', types.indexOf('collections: {')),
      )
      for (const slug of ['users', 'media', 'articles', 'quotes', 'cases', "'related-stories'"]) {
        expect(collections).toMatch(new RegExp(`\\n\\s+${slug}: \\w+;`))
      }
      // Production never changes tables by itself: each schema needs its migration, made as a
      // host makes one after installing a plugin (generated here, so it is never out of date).
      for (const ownMedia of ['0', '1']) {
        await runPayloadCli(['run', 'payload', '--', 'migrate:create', 'initial'], {
          cwd: hostDir,
          done: /Migration created at/,
          env: hostEnv({ HOST_OWN_MEDIA: ownMedia }),
        })
      }
      for (const dir of ['src/migrations', 'src/migrations-own-media']) {
        expect(fs.readdirSync(path.join(hostDir, dir))).toContainEqual(
          expect.stringMatching(/_initial\.ts$/),
        )
      }
      // A probe of every entry point's declarations, as a host's own code would import them.
      fs.writeFileSync(
        path.join(hostDir, 'src/entryPoints.typecheck.ts'),
        [
          `import type { DeliveryArticle, NewsroomPluginOptions } from '${PACKAGE}/types'`,
          `import { newsroomPlugin } from '${PACKAGE}'`,
          `import { PullQuoteLabel } from '${PACKAGE}/client'`,
          `import { renderNinjs } from '${PACKAGE}/delivery'`,
          `import { slugField } from '${PACKAGE}/fields'`,
          `import { paragraphsToLexical } from '${PACKAGE}/lexical'`,
          '',
          'export const options: NewsroomPluginOptions = { maxRelatedCoverage: 4 }',
          'export const plugin = newsroomPlugin(options)',
          `export const headline = (article: DeliveryArticle): string => article.article.headline`,
          'export const entryPoints = [PullQuoteLabel, renderNinjs, slugField, paragraphsToLexical]',
          '',
        ].join('\n'),
      )
      await run('npx', ['tsc', '--noEmit'], { cwd: hostDir, env: hostEnv() })

      // The server entry points load in plain Node too. '.' and './client' are left to the
      // Payload CLI above and to Next below: './client' imports CSS, and '.' imports
      // @payloadcms/richtext-lexical, whose import plain Node 20 often never settles (its lexical
      // dependencies' top-level awaits), with or without this plugin.
      const { stdout } = await run(
        'node',
        [
          '--input-type=module',
          '-e',
          `const names = {}
for (const entry of ['delivery', 'fields', 'lexical', 'types']) {
  names[entry] = Object.keys(await import('${PACKAGE}/' + entry)).sort()
}
console.log(JSON.stringify(names))`,
        ],
        { cwd: hostDir, env: hostEnv() },
      )
      const names = JSON.parse(stdout)
      expect(names.delivery).toEqual(expect.arrayContaining(['deliveryHandlerFor', 'renderNinjs']))
      expect(names.fields).toEqual(expect.arrayContaining(['slugField', 'httpUrlField']))
      expect(names.lexical).toEqual(expect.arrayContaining(['pullQuoteNode', 'caseCitationNode']))
      expect(names.types).toEqual([])
      finished.add('typecheck')
    }, 300_000)

    it('builds for production with next build', async () => {
      requires('typecheck')
      const { output } = await run('npm', ['run', 'build'], {
        cwd: hostDir,
        env: hostEnv({ DATABASE_URI: databaseFile('build') }),
        timeoutMs: 900_000,
      })
      expect(output).toContain('/admin/[[...segments]]')
      expect(output).toContain('/api/[...slug]')
      finished.add('build')
    }, 900_000)

    it('migrates a new database and starts with next start', async () => {
      requires('build')
      const env = hostEnv({ DATABASE_URI: databaseFile('first'), NODE_ENV: 'production' })
      await runPayloadCli(['run', 'payload', '--', 'migrate'], {
        cwd: hostDir,
        done: /Migrated: +\d+_\d+_initial/,
        env,
      })
      state.firstHost = await startHost({ cwd: hostDir, env, port: await freePort() })
      const { body, status } = await api(state.firstHost, 'GET', '/api/articles')
      expect(status).toBe(200)
      expect(body.totalDocs).toBe(0)
      finished.add('start')
    }, 300_000)

    it('makes a newsroom through REST and publishes a story readers get with its related coverage', async () => {
      requires('start')
      const host = state.firstHost as RunningHost
      // On an empty host, an anonymous POST /api/users is refused (the host's access rules);
      // the create-first-user endpoint makes the first account, and only the first.
      const anonymousUser = await api(host, 'POST', '/api/users', {
        body: { ...ADMIN, email: 'anyone@host.test' },
      })
      expect(anonymousUser.status).toBe(403)
      const first = await registerFirstUser(host)
      expect(first.user).toMatchObject({ email: ADMIN.email, name: ADMIN.name, roles: ['admin'] })
      expect(first.user).toHaveProperty('phone')
      const again = await api(host, 'POST', '/api/users/first-register', {
        body: { ...ADMIN, email: 'second@host.test' },
      })
      expect(again.status).toBe(403)
      const login = await api(host, 'POST', '/api/users/login', {
        body: { email: ADMIN.email, password: ADMIN.password },
      })
      expect(login.status).toBe(200)
      const token = login.body.token as string

      state.quote = await create(host, 'quotes', QUOTE, token)
      state.caseRecord = await create(host, 'cases', CASE, token)
      state.relatedStory = await create(host, 'related-stories', RELATED, token)
      expect(state.caseRecord.slug).toBe('matter-of-m-e-v-g')
      // Sections and topics are the plugin's records too.
      state.section = await create(host, 'sections', { name: 'National' }, token)
      state.topic = await create(host, 'topics', { name: 'Asylum' }, token)
      expect(state.topic.slug).toBe('asylum')

      // The plugin's own media collection (this host has none), with its image sizes.
      const media = await api(host, 'POST', '/api/media', {
        form: await uploadForm({ alt: 'A courthouse at dusk', credit: 'Staff' }),
        token,
      })
      expect(media.status).toBe(201)
      expect(media.body.doc).toMatchObject({ alt: 'A courthouse at dusk', mimeType: 'image/png' })
      expect(media.body.doc.sizes.thumbnail).toBeDefined()

      // Written as a draft first: readers see nothing of it, not even through the delivery API.
      const draft = await create(
        host,
        'articles',
        {
          body: doc(
            paragraph(
              'The board said the group must be socially distinct; ',
              caseCitation(state.caseRecord.id),
              '.',
            ),
            pullQuote(state.quote.id),
            paragraph(`“${QUOTE.text},” said Rosa Delgado.`),
          ),
          dek: 'Lawyers say the ruling will turn away most claims.',
          editorialNotes: 'Internal: confirm the quote with Delgado before noon.',
          headline: HEADLINE,
          relatedCoverage: [state.relatedStory.id],
          section: state.section.id,
          topics: [state.topic.id],
        },
        token,
      )
      expect(draft).toMatchObject({ _status: 'draft', slug: SLUG })
      state.articleId = draft.id
      const beforePublishing = await api(
        host,
        'GET',
        `/api/articles?where[slug][equals]=${SLUG}&draft=true`,
      )
      expect(beforePublishing.body.docs).toEqual([])
      expect((await api(host, 'GET', `/api/articles/${draft.id}`)).status).toBe(404)
      expect((await api(host, 'GET', `/api/articles/delivery/${SLUG}`)).status).toBe(404)

      const published = await api(host, 'PATCH', `/api/articles/${draft.id}`, {
        body: { _status: 'published' },
        token,
      })
      expect({ body: published.body, status: published.status }).toMatchObject({ status: 200 })
      expect(published.body.doc._status).toBe('published')
      expect(typeof published.body.doc.firstPublishedAt).toBe('string')

      // A reader, signed in to nothing, gets the story with its related coverage, sources from
      // the body, and none of the staff's fields.
      const read = await api(host, 'GET', `/api/articles?where[slug][equals]=${SLUG}&depth=1`)
      expect(read.status).toBe(200)
      expect(read.body.docs).toHaveLength(1)
      const [story] = read.body.docs
      expect(story.relatedCoverage).toEqual([expect.objectContaining(RELATED)])
      expect(story.cases.map((record: any) => record.caption)).toEqual([CASE.caption])
      expect(story.quotes.map((quote: any) => quote.speaker.name)).toEqual([QUOTE.speaker.name])
      expect(story).not.toHaveProperty('editorialNotes')
      expect(story).not.toHaveProperty('quoteChecks')

      // Staff see the quote check: the quote is verified and used as a pull quote.
      const staff = await api(host, 'GET', `/api/articles/${draft.id}`, { token })
      expect(staff.body.quoteChecks).toEqual([
        expect.objectContaining({ inPullQuote: true, verbatim: true, verification: 'verified' }),
      ])

      // A second published story citing the same case: the suggestion the editor will see.
      await create(
        host,
        'articles',
        {
          _status: 'published',
          body: doc(
            paragraph('The ruling in ', caseCitation(state.caseRecord.id), ' still stands.'),
          ),
          headline: OTHER_HEADLINE,
        },
        token,
      )
      const suggestions = await api(host, 'GET', `/api/articles/${draft.id}/related-suggestions`, {
        token,
      })
      expect(suggestions.status).toBe(200)
      expect(suggestions.body.docs).toEqual([
        expect.objectContaining({
          headline: OTHER_HEADLINE,
          shared: expect.objectContaining({ cases: 1 }),
        }),
      ])
      finished.add('rest')
    }, 120_000)

    it('delivers the published story with a strong ETag, 304 when unchanged, and as ninjs', async () => {
      requires('rest')
      const host = state.firstHost as RunningHost
      const url = `/api/articles/delivery/${SLUG}`
      const delivered = await api(host, 'GET', url)
      expect(delivered.status).toBe(200)
      const etag = delivered.headers.get('etag')
      expect(etag).toMatch(/^"[^"]+"$/)
      expect(delivered.body.article).toMatchObject({ headline: HEADLINE, slug: SLUG })
      expect(delivered.body.relatedCoverage).toEqual([
        expect.objectContaining({ headline: RELATED.headline, url: RELATED.url }),
      ])
      expect(delivered.body.quotes).toEqual([expect.objectContaining({ text: QUOTE.text })])
      expect(delivered.body.cases).toEqual([expect.objectContaining(CASE)])
      expect(JSON.stringify(delivered.body)).not.toContain('confirm the quote')

      const revalidated = await api(host, 'GET', url, {
        headers: { 'if-none-match': etag as string },
      })
      expect(revalidated.status).toBe(304)
      expect(revalidated.body).toBeUndefined()

      const ninjs = await api(host, 'GET', `${url}/ninjs`)
      expect(ninjs.status).toBe(200)
      expect(ninjs.body.headlines).toEqual([expect.objectContaining({ value: HEADLINE })])
      expect(ninjs.body.people).toEqual([{ name: QUOTE.speaker.name, rel: 'quoted' }])
      finished.add('delivery')
    }, 60_000)

    it('shows the admin components in the article editor in a real browser', async () => {
      requires('rest')
      const host = state.firstHost as RunningHost
      fs.mkdirSync(SHOTS, { recursive: true })
      state.browser = await launchBrowser()
      const context = await state.browser.newContext({ viewport: { height: 1000, width: 1400 } })
      const page: Page = await context.newPage()
      page.setDefaultTimeout(90_000)
      /** Waits until the element shows every one of the texts (labels fill in after a fetch). */
      const waitForTexts = async (element: Locator, texts: string[]) => {
        for (const text of texts) {
          await element.filter({ hasText: text }).first().waitFor()
        }
      }
      /** Opens a tab, clicking again if the first click came before the form was ready. */
      const openTab = async (label: string) => {
        const active = page.locator('.tabs-field__tab-button--active', { hasText: label })
        for (let attempt = 1; attempt <= 3; attempt += 1) {
          await page.locator('.tabs-field__tab-button', { hasText: label }).first().click()
          try {
            await active.first().waitFor({ timeout: 10_000 })
            return
          } catch {
            // Not switched yet: click again.
          }
        }
        throw new Error(`the "${label}" tab did not open`)
      }
      try {
        await page.goto(`${host.baseUrl}/admin/login`)
        await page.fill('input[name="email"]', ADMIN.email)
        await page.fill('input[name="password"]', ADMIN.password)
        await page.click('button[type="submit"]')
        await page.waitForURL(/\/admin$/)

        await page.goto(`${host.baseUrl}/admin/collections/articles/${state.articleId}`)
        await openTab('Story')
        // The pull quote's header reads as the quote and its speaker, the citation as the case.
        await waitForTexts(page.locator('.pull-quote-label'), [
          `“${QUOTE.text}”`,
          `— ${QUOTE.speaker.name}, ${QUOTE.speaker.title}, ${QUOTE.speaker.organization}`,
        ])
        await waitForTexts(page.locator('.case-citation-label'), [
          `${CASE.caption}, ${CASE.citation}`,
        ])
        await page.screenshot({ fullPage: true, path: path.join(SHOTS, '1-story.png') })

        await openTab('Sources')
        await waitForTexts(page.locator('.quote-checks li'), [
          '[verified]',
          QUOTE.speaker.name,
          'used as a pull quote',
        ])
        await page.screenshot({ fullPage: true, path: path.join(SHOTS, '2-sources.png') })

        await openTab('Related coverage')
        await waitForTexts(page.locator('#field-relatedCoverage'), [RELATED.headline])
        await waitForTexts(page.locator('.related-suggestions li'), [
          OTHER_HEADLINE,
          'shares 1 case',
        ])
        await page.screenshot({ fullPage: true, path: path.join(SHOTS, '3-related.png') })
      } catch (error) {
        await page.screenshot({ fullPage: true, path: path.join(SHOTS, 'failure.png') })
        // What the server said while the page failed: the browser shows only an error digest.
        fs.writeFileSync(path.join(SHOTS, 'failure-server.log'), host.output())
        throw error
      } finally {
        await context.close()
      }
      // Payload logs the refusals above (403, 404) as errors too; anything else is a failure.
      expect(serverErrors(host.output())).toEqual([])
    }, 300_000)

    it('a second host with its own media collection keeps it, with the plugin’s fields added', async () => {
      requires('build')
      // The same build: the config reads HOST_OWN_MEDIA when the server starts.
      const env = hostEnv({
        DATABASE_URI: databaseFile('own-media'),
        HOST_OWN_MEDIA: '1',
        NODE_ENV: 'production',
      })
      await runPayloadCli(['run', 'payload', '--', 'migrate'], {
        cwd: hostDir,
        done: /Migrated: +\d+_\d+_initial/,
        env,
      })
      await state.firstHost?.stop()
      const host = await startHost({ cwd: hostDir, env, port: await freePort() })
      state.ownMediaHost = host
      const { token } = await registerFirstUser(host)

      // The plugin's fields join the host's collection without its rules: the host's code that
      // uploads without alt text keeps working (a guest does not make its fields required)…
      const withoutAlt = await api(host, 'POST', '/api/media', {
        form: await uploadForm({ photographer: 'J. Ortiz' }),
        token,
      })
      expect(withoutAlt.status).toBe(201)
      expect(withoutAlt.body.doc.alt ?? null).toBeNull()
      // …and the host's own field is still there, next to the plugin's.
      const image = {
        alt: 'Lawyers outside the immigration court',
        caption: 'Outside the court on Tuesday',
        credit: 'J. Ortiz for the Newsroom',
        photographer: 'J. Ortiz',
      }
      const uploaded = await api(host, 'POST', '/api/media', {
        form: await uploadForm(image),
        token,
      })
      expect(uploaded.status).toBe(201)
      const read = await api(host, 'GET', `/api/media/${uploaded.body.doc.id}`)
      expect(read.status).toBe(200)
      expect(read.body).toMatchObject({ ...image, height: 48, mimeType: 'image/png', width: 64 })
      // The host's upload config is its own: no image sizes from the plugin's media collection.
      expect(read.body.sizes ?? {}).toEqual({})

      const slug = `court-hears-first-appeal-${randomUUID().slice(0, 6)}`
      await create(
        host,
        'articles',
        {
          _status: 'published',
          body: doc(paragraph('The court heard the first appeal on Tuesday.')),
          headline: 'Court hears first appeal',
          hero: { image: uploaded.body.doc.id },
          slug,
        },
        token,
      )
      const delivered = await api(host, 'GET', `/api/articles/delivery/${slug}`)
      expect(delivered.status).toBe(200)
      expect(delivered.body.article.hero.image).toMatchObject({
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
        height: 48,
        mimeType: 'image/png',
        width: 64,
      })
      const file = await fetch(`${host.baseUrl}${delivered.body.article.hero.image.url}`)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/png')
      expect(serverErrors(host.output())).toEqual([])
    }, 300_000)
  })
}
