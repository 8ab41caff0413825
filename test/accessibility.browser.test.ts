import type { Page } from 'playwright-core'

import { expect, it } from '@jest/globals'
import { createRequire } from 'node:module'

import { factCheckArticle } from '../src/host/seed/factCheckRecords'
import { slugify } from '../src/utilities/slugify'
import { browserSuite } from './helpers/browser'

/**
 * Every kind of reader page, as the production build serves the seeded piece, checked by
 * axe-core in the browser: no serious or critical violation on any of them (screenshots under
 * test-results/accessibility).
 */

const SHOTS = 'test-results/accessibility'
const PIECE = '/news/sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

const suite = browserSuite(SHOTS)

type Violation = { help: string; id: string; impact: null | string; nodes: { target: unknown }[] }

/** axe's serious and critical findings on the page as a reader opens it. */
const seriousViolations = async (page: Page, path: string) => {
  const response = await page.goto(`${suite.app.baseUrl}${path}`)
  expect({ path, status: response?.status() }).toEqual({ path, status: 200 })
  await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document) => Promise<{ violations: Violation[] }> }
    }
    return (await axe.run(document)).violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ help, id, impact, nodes }) => ({
      help,
      id,
      impact,
      where: nodes.slice(0, 3).map((node) => node.target),
    }))
}

it('has no serious or critical axe violation on any kind of reader page', async () => {
  // An author page needs a byline on a live story; the piece is credited in text only.
  const login = await fetch(`${suite.app.baseUrl}/api/users/login`, {
    body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  const { token } = await login.json()
  const api = (path: string, body: unknown) =>
    fetch(`${suite.app.baseUrl}${path}`, {
      body: JSON.stringify(body),
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      method: 'POST',
    }).then((response) => response.json())
  const { doc: author } = await api('/api/people', {
    bio: 'Covers the immigration courts.',
    kind: 'contributor',
    name: 'Rosa Writer',
  })
  const { doc: story } = await api('/api/articles', {
    _status: 'published',
    bylines: [{ person: author.id }],
    headline: 'The immigration court backlog',
  })
  expect(story.slug).toBeTruthy()
  // The seeded fact-check, at the slug its headline gives.
  const factCheck = slugify(factCheckArticle.headline)

  const pages = {
    author: `/authors/${author.slug}`,
    case: '/cases/matter-of-a-r-c-g',
    'fact-check': `/news/${factCheck}`,
    front: '/',
    organisation: '/people/board-of-immigration-appeals',
    person: '/people/karen-musalo',
    search: '/search?q=Musalo',
    section: '/sections/national',
    story: PIECE,
    topic: '/topics/asylum',
  }
  // The site's CSP allows no inline script; axe is the test's, not the page's.
  const context = await suite.browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  const found: Record<string, unknown> = {}
  for (const [name, path] of Object.entries(pages)) {
    found[name] = await seriousViolations(page, path)
    await page.screenshot({ fullPage: true, path: `${SHOTS}/${name}.png` })
  }
  await context.close()
  expect(found).toEqual(Object.fromEntries(Object.keys(pages).map((name) => [name, []])))
}, 180_000)
