import type { RequestHandler } from 'express'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'

import { type NewsroomServer, startServer } from '../src/host/server/createServer'
import { MONACO_CDN, STRICT_TRANSPORT_SECURITY } from '../src/host/server/securityHeaders'
import { type RunningApp, startApp } from './helpers/app'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { TEST_PASSWORD } from './helpers/users'

/**
 * Cross-site requests and response headers: security headers on every kind of answer, HSTS only
 * over https, writes from another site's page refused (by the express server, and by Payload's
 * own CSRF list once SERVER_URL is set), and a session cookie that needs https in production.
 */

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const FOREIGN = 'https://evil.example'

const expectSecurityHeaders = (headers: Headers, what: string) => {
  const csp = headers.get('content-security-policy') ?? ''
  expect({ what, csp }).toEqual({ what, csp: expect.stringContaining("frame-ancestors 'self'") })
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("base-uri 'self'")
  expect({ what, nosniff: headers.get('x-content-type-options') }).toEqual({
    what,
    nosniff: 'nosniff',
  })
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(headers.get('x-frame-options')).toBe('SAMEORIGIN')
}

describe('the running app (npm run dev)', () => {
  let app: RunningApp
  let cookie: string
  let token: string
  const url = (to: string) => `${app.baseUrl}${to}`

  const userCount = async () =>
    (
      await (
        await fetch(url('/api/users?limit=100'), { headers: { authorization: `JWT ${token}` } })
      ).json()
    ).totalDocs as number

  const newUser = (email: string) => ({
    email,
    name: 'Made elsewhere',
    password: TEST_PASSWORD,
    roles: ['admin'],
  })

  const postUser = (origin: string, body: FormData | string) =>
    fetch(url('/api/users'), {
      body,
      headers: {
        cookie,
        origin,
        ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
      },
      method: 'POST',
    })

  const multipart = (data: object) => {
    const form = new FormData()
    form.append('_payload', JSON.stringify(data))
    return form
  }

  beforeAll(async () => {
    process.env.NEWSROOM_TRUST_PROXY = 'loopback'
    try {
      app = await startApp()
    } finally {
      delete process.env.NEWSROOM_TRUST_PROXY
    }
    const login = await fetch(url('/api/users/login'), {
      body: JSON.stringify({ email: 'admin@newsroom.test', password: 'newsroom-demo' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    token = (await login.json()).token
    cookie = `payload-token=${token}`
  }, 180_000)

  afterAll(() => {
    app?.signal('SIGKILL')
  })

  it.each([
    ['the front page', '/'],
    ['a story page', `/news/${SLUG}`],
    ['a case page', '/cases/matter-of-kasinga'],
    ['the feed', '/feed.xml'],
    ['a missing page', '/news/no-such-story'],
    ['a REST read', '/api/articles?limit=1'],
    ['the delivery API', `/api/articles/delivery/${SLUG}`],
    ['the delivery API as ninjs', `/api/articles/delivery/${SLUG}/ninjs`],
    ['the liveness check', '/healthz'],
  ])(
    'puts the security headers on %s',
    async (what, to) => {
      const response = await fetch(url(to))
      await response.arrayBuffer()
      expectSecurityHeaders(response.headers, what)
      // The site's pages load nothing from anywhere else.
      expect(response.headers.get('content-security-policy')).not.toContain('https:')
    },
    120_000,
  )

  it('puts them on the admin, which may also load its code editor from one CDN folder', async () => {
    const response = await fetch(url('/admin/login'))
    await response.text()
    expect(response.status).toBe(200)
    expectSecurityHeaders(response.headers, 'the admin')
    expect(response.headers.get('content-security-policy')).toContain(MONACO_CDN)
  }, 120_000)

  it('puts them on the GraphQL playground, which loads from its own CDN folder', async () => {
    const response = await fetch(url('/api/graphql-playground'))
    await response.text()
    expectSecurityHeaders(response.headers, 'the playground')
    const csp = response.headers.get('content-security-policy')
    expect(csp).toContain('cdn.jsdelivr.net/npm/graphql-playground-react/')
    expect(csp).not.toContain(MONACO_CDN)
  }, 120_000)

  it('puts them on GraphQL answers and on refusals', async () => {
    const graphql = await fetch(url('/api/graphql'), {
      body: JSON.stringify({ query: '{ Articles(limit: 1) { docs { headline } } }' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    await graphql.text()
    expectSecurityHeaders(graphql.headers, 'GraphQL')
    const tooBig = await fetch(url('/api/articles'), {
      body: 'x'.repeat(2 * 1024 * 1024),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(tooBig.status).toBe(413)
    expectSecurityHeaders(tooBig.headers, 'a 413')
  }, 120_000)

  it('sends HSTS only for https, as a trusted proxy reports it', async () => {
    const plain = await fetch(url('/healthz'))
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const proxied = await fetch(url('/healthz'), { headers: { 'x-forwarded-proto': 'https' } })
    expect(proxied.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY)
  })

  it('refuses a cookie-signed JSON POST from another origin, and creates nothing', async () => {
    const before = await userCount()
    const response = await postUser(FOREIGN, JSON.stringify(newUser('json@evil.example')))
    expect(response.status).toBe(403)
    expect((await response.json()).errors[0].message).toContain(FOREIGN)
    expect(await userCount()).toBe(before)
  })

  it('refuses a cookie-signed multipart POST from another origin, and creates nothing', async () => {
    const before = await userCount()
    const response = await postUser(FOREIGN, multipart(newUser('form@evil.example')))
    expect(response.status).toBe(403)
    expect(await userCount()).toBe(before)
    // A page on another port of the same host is another origin too.
    const otherPort = new URL(app.baseUrl)
    otherPort.port = String(Number(otherPort.port) + 1)
    const sibling = await postUser(otherPort.origin, multipart(newUser('port@evil.example')))
    expect(sibling.status).toBe(403)
    expect(await userCount()).toBe(before)
  })

  it('refuses other writes from another origin too (PATCH, DELETE)', async () => {
    const { docs } = await (
      await fetch(url('/api/users?where[email][equals]=writer@newsroom.test'), {
        headers: { authorization: `JWT ${token}` },
      })
    ).json()
    for (const method of ['PATCH', 'DELETE']) {
      const response = await fetch(url(`/api/users/${docs[0].id}`), {
        body: method === 'PATCH' ? JSON.stringify({ roles: ['admin'] }) : undefined,
        headers: { cookie, origin: FOREIGN, 'content-type': 'application/json' },
        method,
      })
      expect(response.status).toBe(403)
    }
    const after = await (
      await fetch(url(`/api/users/${docs[0].id}`), { headers: { authorization: `JWT ${token}` } })
    ).json()
    expect(after.roles).toEqual(['writer'])
  })

  it('accepts the same writes from the site itself, JSON and multipart', async () => {
    const before = await userCount()
    const json = await postUser(app.baseUrl, JSON.stringify(newUser('json@newsroom.test')))
    expect(json.status).toBe(201)
    const form = await postUser(app.baseUrl, multipart(newUser('form@newsroom.test')))
    expect(form.status).toBe(201)
    expect(await userCount()).toBe(before + 2)
  })
})

describe('production (the config npm start runs)', () => {
  const SERVER_URL = 'https://news.example.test'
  const PARTNER = 'https://partner.example.test'
  const saved = {
    NEWSROOM_ALLOWED_ORIGINS: process.env.NEWSROOM_ALLOWED_ORIGINS,
    NODE_ENV: process.env.NODE_ENV,
    SERVER_URL: process.env.SERVER_URL,
  }
  let ctx: TestPayload
  let rest: RestClient
  let token: string
  const servers: NewsroomServer[] = []

  const stub: RequestHandler = (_req, res) => {
    res.status(200).send('ok')
  }

  beforeAll(async () => {
    Object.assign(process.env, {
      NEWSROOM_ALLOWED_ORIGINS: PARTNER,
      NODE_ENV: 'production',
      SERVER_URL,
    })
    ctx = await startTestPayload()
    rest = createRestClient(ctx.config)
    await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'admin@news.example.test',
        name: 'Admin',
        password: TEST_PASSWORD,
        roles: ['admin'],
      },
    })
    token = await rest.login('admin@news.example.test', TEST_PASSWORD)
  }, 120_000)

  afterAll(async () => {
    for (const server of servers) {
      server.server.close()
    }
    await ctx?.payload.destroy()
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = value
      }
    }
  })

  it('sets the session cookie Secure, HttpOnly and SameSite', async () => {
    const { headers, status } = await rest.post('/api/users/login', {
      body: { email: 'admin@news.example.test', password: TEST_PASSWORD },
    })
    expect(status).toBe(200)
    const session = headers.getSetCookie().find((line) => line.startsWith('payload-token='))
    expect(session).toMatch(/; Secure/)
    expect(session).toMatch(/; HttpOnly/)
    expect(session).toMatch(/; SameSite=Lax/)
  })

  it('ignores a session cookie sent from an origin not in SERVER_URL or NEWSROOM_ALLOWED_ORIGINS', async () => {
    const count = async () => (await ctx.payload.count({ collection: 'users' })).totalDocs
    const before = await count()
    const cookie = `payload-token=${token}`
    const json = await rest.post('/api/users', {
      body: { email: 'json@evil.example', password: TEST_PASSWORD, roles: ['admin'] },
      headers: { cookie, origin: FOREIGN },
    })
    expect(json.status).toBe(403)
    const form = new FormData()
    form.append(
      '_payload',
      JSON.stringify({ email: 'form@evil.example', password: TEST_PASSWORD, roles: ['admin'] }),
    )
    const multipart = await rest.post('/api/users', {
      formData: form,
      headers: { cookie, origin: FOREIGN },
    })
    expect(multipart.status).toBe(403)
    expect(await count()).toBe(before)

    for (const [origin, email] of [
      [SERVER_URL, 'own@news.example.test'],
      [PARTNER, 'partner@news.example.test'],
    ]) {
      const allowed = await rest.post('/api/users', {
        body: { email, name: 'Allowed', password: TEST_PASSWORD, roles: ['writer'] },
        headers: { cookie, origin },
      })
      expect(allowed.status).toBe(201)
    }
    expect(await count()).toBe(before + 2)
  })

  it('lets only the allowed origins read answers across origins (CORS)', async () => {
    for (const origin of [SERVER_URL, PARTNER]) {
      const { headers } = await rest.get('/api/articles?limit=1', { headers: { origin } })
      expect(headers.get('access-control-allow-origin')).toBe(origin)
      expect(headers.get('access-control-allow-credentials')).toBe('true')
    }
    const { headers } = await rest.get('/api/articles?limit=1', { headers: { origin: FOREIGN } })
    expect(headers.get('access-control-allow-origin')).toBeNull()
  })

  it('believes X-Forwarded-Proto for HSTS only from a trusted proxy', async () => {
    const start = async (trustProxy: boolean | string) => {
      const server = await startServer({
        fallback: stub,
        host: '127.0.0.1',
        payload: ctx.payload,
        port: 0,
        settings: { trustProxy },
      })
      servers.push(server)
      return server
    }
    const untrusted = await start(false)
    const trusted = await start('loopback')
    const hsts = async (server: NewsroomServer) =>
      (
        await fetch(`${server.url}/anything`, { headers: { 'x-forwarded-proto': 'https' } })
      ).headers.get('strict-transport-security')
    expect(await hsts(untrusted)).toBeNull()
    expect(await hsts(trusted)).toBe(STRICT_TRANSPORT_SECURITY)
    // The production policy: no eval.
    const csp = (await fetch(`${untrusted.url}/`)).headers.get('content-security-policy')
    expect(csp).not.toContain("'unsafe-eval'")
  })
})

describe('the admin code editor allowance', () => {
  it('names the Monaco version @payloadcms/ui loads', () => {
    const dir = path.resolve('node_modules/@payloadcms/ui/dist/exports/client')
    const versions = new Set<string>()
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.js'))) {
      for (const match of fs
        .readFileSync(path.join(dir, file), 'utf8')
        .matchAll(/https:\/\/cdn\.jsdelivr\.net\/npm\/monaco-editor@[^/"']+\/min\//g)) {
        versions.add(match[0])
      }
    }
    // If this fails after a Payload upgrade, move MONACO_CDN (securityHeaders.ts) to the new one.
    expect([...versions]).toEqual([MONACO_CDN])
  })
})
