import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../src/host/utilities/freePort'
import { type RunningApp, startApp } from './helpers/app'

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const STORY = `/news/${SLUG}`
const VCL = new URL('../varnish/newsroom.vcl', import.meta.url)

const varnishInstalled = (() => {
  try {
    execFileSync('varnishd', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/**
 * Varnish 7.1 (Debian's varnish and varnish-modules) in front of `npm run dev`, started on free
 * ports. Only on SQLite, the default run: it starts the whole app and Next compiles the pages on
 * first request (about a minute on two cores), which the PostgreSQL and FerretDB runs need not
 * repeat, since nothing here depends on the database. `.ci/run` installs varnish; a machine
 * without it fails here rather than skipping quietly.
 */
const runHere = !process.env.DATABASE_URI

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
  const deadline = Date.now() + 20_000
  for (;;) {
    try {
      await fetch(`${varnishUrl}/healthz`)
      return
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`varnishd did not answer: ${String(error)}\n${varnishLog}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

if (runHere) {
  beforeAll(async () => {
    expect(varnishInstalled).toBe(true)
    const varnishPort = await freePort()
    varnishUrl = `http://127.0.0.1:${varnishPort}`
    app = await startApp({ NEWSROOM_PURGE_URLS: `${varnishUrl}/` })
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

  describe('Varnish in front of the app', () => {
    it('caches a story page, keyed by what it shows', async () => {
      // The first request has Next compile the page (dev mode).
      const first = await get(`${varnishUrl}${STORY}`)
      expect(first.status).toBe(200)
      const second = await get(`${varnishUrl}${STORY}`)
      expect(second.headers.get('x-varnish-cache')).toBe('HIT')
      expect(second.body).toBe(first.body)
      expect(second.headers.get('surrogate-key')).toMatch(/(^| )articles:\d+( |$)/)
      expect(second.headers.get('xkey')).toBeNull()
    }, 120_000)

    it("has an editor's change on its copy within a second, by a purge of the page's keys", async () => {
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
      const editedAt = Date.now()
      // When the request that first got the new headline was sent: from then on Varnish's copy
      // is the new one. (Its answer then takes a render, which in development mode is most of a
      // second on two cores; in production tens of milliseconds.)
      let askedAt = Date.now()
      let page = await get(`${varnishUrl}${STORY}`)
      while (!page.body.includes(headline) && Date.now() - editedAt < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 25))
        askedAt = Date.now()
        page = await get(`${varnishUrl}${STORY}`)
      }
      expect(page.body).toContain(headline)
      expect(askedAt - editedAt).toBeLessThan(1000)
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
  })
} else {
  it('runs on the SQLite run only (see above)', () => {
    expect(runHere).toBe(false)
  })
}
