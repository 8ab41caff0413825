import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort } from '../src/host/utilities/freePort'
import { type RunningApp, startApp } from './helpers/app'
import { databasePass, describeWithService, type RequiredService } from './helpers/requiredService'
import { waitFor } from './helpers/waitFor'

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const STORY = `/news/${SLUG}`
const VCL = new URL('../varnish/newsroom.vcl', import.meta.url)

/**
 * varnishd and the xkey vmod (varnish-modules) that newsroom.vcl imports: compiling the VCL
 * (`-C`, no cache started) loads both, so a varnishd without the vmod counts as missing too.
 */
const varnishWithXkey = (): RequiredService => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-varnish-check-'))
  let available = true
  try {
    execFileSync('varnishd', ['-C', '-f', fileURLToPath(VCL), '-n', path.join(dir, 'instance')], {
      stdio: 'ignore',
      timeout: 60_000,
    })
  } catch {
    available = false
  } finally {
    fs.rmSync(dir, { force: true, recursive: true })
  }
  return {
    available,
    howToGet: 'apt-get install varnish varnish-modules, or run .ci/run',
    missing: 'varnishd with varnish-modules (xkey) is not installed',
  }
}

/**
 * Varnish 7.1 (Debian's varnish and varnish-modules) in front of `npm run dev`, started on free
 * ports. Only on SQLite, the default run: it starts the whole app and Next compiles the pages on
 * first request (about a minute on two cores), which the PostgreSQL and FerretDB runs need not
 * repeat, since nothing here depends on the database. `.ci/run` installs varnish: under CI a
 * machine without it fails; elsewhere the suite is skipped with a line saying how to get it.
 */
const sqlitePass = databasePass('sqlite', 'nothing here depends on the database')
const describeHere = describeWithService(
  'varnish.test',
  sqlitePass,
  // Only looked for where the suite would run: compiling the VCL takes a second or two.
  ...(sqlitePass.available ? [varnishWithXkey()] : []),
)

let app: RunningApp
let varnish: ChildProcess | undefined
let varnishUrl: string
let varnishLog = ''
let workDir: string

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers, redirect: 'manual' })
  return { body: await response.text(), headers: response.headers, status: response.status }
}

const waitForVarnish = async () => {
  try {
    await waitFor(async () => Boolean(await fetch(`${varnishUrl}/healthz`)), {
      intervalMs: 100,
      timeoutMs: 20_000,
      what: 'varnishd to answer',
    })
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${varnishLog}`)
  }
}

describeHere('Varnish in front of the app', () => {
  beforeAll(async () => {
    const varnishPort = await freePort()
    varnishUrl = `http://127.0.0.1:${varnishPort}`
    app = await startApp({ NEWSROOM_PURGE_URLS: `${varnishUrl}/` })
    // Next compiles a page on its first request (dev mode), which on a busy machine takes longer
    // than Varnish waits for a first byte (30 s, as in production): compile it before Varnish asks.
    await get(`${app.baseUrl}${STORY}`)
    const appPort = new URL(app.baseUrl).port
    // varnishd drops its privileges: its work folder and the VCL must be readable by them.
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-varnish-'))
    fs.chmodSync(workDir, 0o755)
    const vcl = fs.readFileSync(VCL, 'utf8').replace(/\.port = "\d+";/, `.port = "${appPort}";`)
    const vclFile = path.join(workDir, 'newsroom.vcl')
    fs.writeFileSync(vclFile, vcl, { mode: 0o644 })
    varnish = spawn(
      'varnishd',
      [
        '-F',
        '-a',
        `127.0.0.1:${varnishPort}`,
        '-f',
        vclFile,
        '-n',
        path.join(workDir, 'instance'),
        '-s',
        'malloc,64m',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    varnish.stdout?.on('data', (chunk) => (varnishLog += chunk))
    varnish.stderr?.on('data', (chunk) => (varnishLog += chunk))
    await waitForVarnish()
  }, 180_000)

  afterAll(async () => {
    varnish?.kill('SIGTERM')
    app?.signal('SIGKILL')
    await app?.exited
    if (workDir) {
      fs.rmSync(workDir, { force: true, recursive: true })
    }
  })

  it('caches a story page, keyed by what it shows', async () => {
    const first = await get(`${varnishUrl}${STORY}`)
    expect(first.status).toBe(200)
    const second = await get(`${varnishUrl}${STORY}`)
    expect(second.headers.get('x-varnish-cache')).toBe('HIT')
    expect(second.body).toBe(first.body)
    expect(second.headers.get('surrogate-key')).toMatch(/(^| )articles:\d+( |$)/)
    expect(second.headers.get('xkey')).toBeNull()
  }, 120_000)

  it("has an editor's change on its copy, by a purge of the page's keys", async () => {
    await get(`${varnishUrl}${STORY}`)
    expect((await get(`${varnishUrl}${STORY}`)).headers.get('x-varnish-cache')).toBe('HIT')
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    const { token, user } = (await login.json()) as { token: string; user: { id: number } }
    expect(token).toBeTruthy()
    const found = await get(
      `${app.baseUrl}/api/articles?where[slug][equals]=${SLUG}&depth=0&select[headline]=true`,
    )
    const articleId = (JSON.parse(found.body) as { docs: { id: number }[] }).docs[0].id
    const headline = `Sessions overturns asylum precedent (${Date.now()})`
    const edit = await fetch(`${app.baseUrl}/api/articles/${articleId}`, {
      body: JSON.stringify({ headline }),
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      method: 'PATCH',
    })
    expect(edit.status).toBe(200)
    // How soon (within a second) is measured by `npm run bench`; here, that the purge comes.
    const page = await waitFor(
      async () => {
        const answer = await get(`${varnishUrl}${STORY}`)
        return answer.body.includes(headline) ? answer : undefined
      },
      { intervalMs: 25, timeoutMs: 10_000, what: "Varnish's copy to show the edited headline" },
    )
    expect(page.body).toContain(headline)
    // And it is cached again.
    expect((await get(`${varnishUrl}${STORY}`)).headers.get('x-varnish-cache')).toBe('HIT')

    // Staff and preview pass through Varnish to the app, and are never stored.
    const cookie = `payload-token=${token}`
    for (let round = 0; round < 2; round += 1) {
      const staff = await get(`${varnishUrl}${STORY}`, { cookie })
      expect(staff.status).toBe(200)
      expect(staff.headers.get('x-varnish-cache')).toBe('MISS')
      expect(staff.headers.get('cache-control')).toContain('no-store')
    }
    const preview = await get(`${varnishUrl}/preview?path=${encodeURIComponent(STORY)}`, {
      cookie,
    })
    expect(preview.status).toBe(307)
    const draftCookie = preview.headers.get('set-cookie')?.split(';')[0] ?? ''
    expect(draftCookie).toMatch(/^__prerender_bypass=/)
    const draft = await get(`${varnishUrl}${STORY}`, { cookie: `${draftCookie}; ${cookie}` })
    expect(draft.headers.get('x-varnish-cache')).toBe('MISS')
    expect(draft.body).toContain('Draft preview')
    // An anonymous reader still gets the shared copy, without the preview banner. (The first
    // request may refetch it: the app purges each change's keys a second time ~0.6 s later.)
    await get(`${varnishUrl}${STORY}`)
    const anonymous = await get(`${varnishUrl}${STORY}`)
    expect(anonymous.headers.get('x-varnish-cache')).toBe('HIT')
    expect(anonymous.body).not.toContain('Draft preview')
    expect(anonymous.body).toContain(headline)
    expect(user.id).toBeDefined()
  }, 120_000)
  it("keeps the API's anonymous reads the app keyed, purged by a change, and no other /api answer", async () => {
    const search = `where[slug][equals]=${SLUG}&depth=0&select[headline]=true`
    const rest = `${varnishUrl}/api/articles?${search}`
    const query = `{ Articles(where: { slug: { equals: "${SLUG}" } }) { docs { headline } } }`
    const graphQL = `${varnishUrl}/api/graphql?query=${encodeURIComponent(query)}`
    const headlineOf = (body: string): string => {
      const parsed = JSON.parse(body) as {
        data?: { Articles: { docs: { headline: string }[] } }
        docs?: { headline: string }[]
      }
      return (parsed.docs ?? parsed.data?.Articles.docs ?? [])[0]?.headline ?? ''
    }
    for (const url of [rest, graphQL]) {
      const first = await get(url)
      expect(first.status).toBe(200)
      // The app's API cache may need a first answer to key it; Varnish then keeps it.
      const kept = await waitFor(
        async () => {
          const answer = await get(url)
          return answer.headers.get('x-varnish-cache') === 'HIT' ? answer : undefined
        },
        { intervalMs: 50, timeoutMs: 10_000, what: `Varnish to keep ${url}` },
      )
      expect(kept.headers.get('surrogate-key')).toMatch(/(^| )articles:\d+( |$)/)
      expect(headlineOf(kept.body)).toBe(headlineOf(first.body))
    }

    // What Payload answers without the app's keys is passed on each time, never kept: the
    // signed-in user (none here), a draft asked for anonymously, a malformed query's 400.
    for (const path of [
      '/api/users/me',
      `/api/articles?${search}&draft=true`,
      '/api/articles?where[nope][equals]=1',
    ]) {
      for (let round = 0; round < 2; round += 1) {
        const answer = await get(`${varnishUrl}${path}`)
        expect(answer.headers.get('x-varnish-cache')).toBe('MISS')
      }
    }

    // An editor's draft stays out of the kept copies; the publish reaches them by a purge.
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    const { token } = (await login.json()) as { token: string }
    const articleId = (
      JSON.parse((await get(`${app.baseUrl}/api/articles?${search}`)).body) as {
        docs: { id: number }[]
      }
    ).docs[0].id
    const write = (headline: string, draft: boolean) =>
      fetch(`${app.baseUrl}/api/articles/${articleId}${draft ? '?draft=true' : ''}`, {
        body: JSON.stringify({ headline }),
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        method: 'PATCH',
      })
    const draftHeadline = `A draft readers must not see (${Date.now()})`
    expect((await write(draftHeadline, true)).status).toBe(200)
    const published = `Sessions overturns asylum precedent, API edition (${Date.now()})`
    expect((await write(published, false)).status).toBe(200)
    for (const url of [rest, graphQL]) {
      const fresh = await waitFor(
        async () => {
          const answer = await get(url)
          return headlineOf(answer.body) === published ? answer : undefined
        },
        { intervalMs: 25, timeoutMs: 10_000, what: `Varnish's copy of ${url} to show the publish` },
      )
      expect(fresh.body).not.toContain(draftHeadline)
    }
    // Staff pass through to the app and see their drafts; nothing of theirs is kept.
    const staff = await get(`${varnishUrl}/api/articles?${search}&draft=true`, {
      authorization: `JWT ${token}`,
    })
    expect(staff.headers.get('x-varnish-cache')).toBe('MISS')
  }, 120_000)
})
