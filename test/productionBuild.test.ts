import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { STRICT_TRANSPORT_SECURITY } from '../src/host/server/securityHeaders'
import { freshDatabaseUri } from './helpers/database'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'

/**
 * Issue 22: production behaviour proven on the production build (`npm run build`, then the
 * server `npm start` runs), not on a server assembled inside the test: Secure session cookies,
 * HSTS only behind a trusted proxy, and the error boundary's 4xx for what a request got wrong.
 */

const instances: ProductionApp[] = []
let behindProxy: ProductionApp
let direct: ProductionApp

const PASSWORD = 'production build password'

beforeAll(async () => {
  await ensureProductionBuild()
  const databaseUri = await freshDatabaseUri()
  behindProxy = await startProductionApp({ databaseUri, env: { NEWSROOM_TRUST_PROXY: 'loopback' } })
  instances.push(behindProxy)
  direct = await startProductionApp({ databaseUri })
  instances.push(direct)
}, 900_000)

afterAll(async () => {
  for (const instance of instances) {
    instance.signal('SIGKILL')
    await instance.exited
  }
})

describe('the production build', () => {
  it('sets the session cookie Secure, HttpOnly and SameSite', async () => {
    const response = await fetch(`${behindProxy.baseUrl}/api/users/first-register`, {
      body: JSON.stringify({
        name: 'First Admin',
        email: 'first@newsroom.test',
        password: PASSWORD,
        roles: ['admin'],
      }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    const session = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('payload-token='))
    expect(session).toMatch(/; Secure/)
    expect(session).toMatch(/; HttpOnly/)
    expect(session).toMatch(/; SameSite=Lax/)
  })

  it('sends HSTS for HTTPS behind a trusted proxy, and never on the word of an untrusted one', async () => {
    const hsts = async (app: ProductionApp) =>
      (await fetch(`${app.baseUrl}/`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get(
        'strict-transport-security',
      )
    expect(await hsts(behindProxy)).toBe(STRICT_TRANSPORT_SECURITY)
    expect(await hsts(direct)).toBeNull()
  })

  it('answers what a request got wrong with a 4xx naming it, never a 500', async () => {
    const malformed = await fetch(`${direct.baseUrl}/api/%ZZ`)
    expect(malformed.status).toBe(400)
    expect(await malformed.text()).toMatch(/percent|encod|URI|URL/i)
    const trace = await fetch(`${direct.baseUrl}/api/articles`, {
      body: '--x\r\nnot multipart',
      headers: { 'content-type': 'multipart/form-data' },
      method: 'POST',
    })
    expect(trace.status).toBeGreaterThanOrEqual(400)
    expect(trace.status).toBeLessThan(500)
  })

  it('answers a multipart body posted to a page with a 415, signed in or not (it was a 500)', async () => {
    const signIn = await fetch(`${direct.baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: 'first@newsroom.test', password: PASSWORD }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(signIn.status).toBe(200)
    const { token } = (await signIn.json()) as { token: string }
    const sessions: Record<string, string>[] = [{}, { authorization: `JWT ${token}` }]
    for (const headers of sessions) {
      for (const path of ['/', '/news/any-story', '/admin']) {
        const response = await fetch(`${direct.baseUrl}${path}`, {
          headers: { ...headers, 'content-type': 'multipart/form-data' },
          method: 'POST',
        })
        expect([path, response.status]).toEqual([path, 415])
        expect(await response.text()).toContain('multipart/form-data')
      }
    }
  })
})
