import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { sitePath } from '../src/host/site/preview'
import { type RunningApp, startApp } from './helpers/app'

/**
 * Preview links send people only to pages on this site: a `path` is read with the URL parser,
 * as the browser following the redirect will read it, and anything that leaves the site, or
 * that a header cannot carry, is a 400 naming `path`, never a redirect elsewhere or a 500.
 */

// As they arrive in the query string, percent-escapes and all.
const OFF_SITE = [
  '/%09/evil.example',
  '/%0a/evil.example',
  '%0a',
  '/a%0ab',
  '/%0d%0aSet-Cookie:%20x=1',
  '/%00',
  '//evil.example',
  '/%5Cevil.example',
  '/.//evil.example',
  '/news/../..//evil.example',
  'https://evil.example',
  'javascript:alert(1)',
  'news/no-leading-slash',
]

describe('sitePath', () => {
  it.each(OFF_SITE)('refuses %s', (raw) => {
    expect(sitePath(decodeURIComponent(raw))).toBeNull()
  })

  it.each([
    ['/news/a-story', '/news/a-story'],
    ['/news/a-story?draft=1#top', '/news/a-story?draft=1#top'],
    ['/news/caf\u00e9', '/news/caf%C3%A9'],
    ['/news/\u2028', '/news/%E2%80%A8'],
    ['/', '/'],
  ])('keeps %s, as the parser writes it: %s', (given, kept) => {
    expect(sitePath(given)).toBe(kept)
  })
})

describe('the preview routes', () => {
  let app: RunningApp
  let cookie: string

  const get = (to: string, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}${to}`, { headers, redirect: 'manual' })

  beforeAll(async () => {
    app = await startApp()
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    cookie = `payload-token=${(await login.json()).token}`
  }, 180_000)

  afterAll(() => {
    app?.signal('SIGKILL')
  })

  it.each(OFF_SITE)(
    '/preview/exit?path=%s is a 400 naming path',
    async (raw) => {
      const response = await get(`/preview/exit?path=${raw}`)
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
      expect((await response.json()).errors[0].message).toMatch(/^path /)
    },
    120_000,
  )

  it.each(OFF_SITE)(
    '/preview?path=%s is a 400 for signed-in staff too',
    async (raw) => {
      const response = await get(`/preview?path=${raw}`, { cookie })
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
    },
    120_000,
  )

  it('leaves preview for a page on the site, or the front page', async () => {
    const back = await get('/preview/exit?path=%2Fnews%2Fa-story')
    expect(back.status).toBe(307)
    expect(back.headers.get('location')).toBe('/news/a-story')
    const home = await get('/preview/exit')
    expect(home.status).toBe(307)
    expect(home.headers.get('location')).toBe('/')
  }, 120_000)

  it('opens preview on a page on the site', async () => {
    const entered = await get('/preview?path=%2Fnews%2Fa-story', { cookie })
    expect(entered.status).toBe(307)
    expect(entered.headers.get('location')).toBe('/news/a-story')
  }, 120_000)
})
