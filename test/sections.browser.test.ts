import type { Page } from 'playwright-core'

import { expect, it } from '@jest/globals'

import { browserSuite } from './helpers/browser'
import { waitFor } from './helpers/waitFor'

/**
 * An editor in a real browser creates a topic, chooses the front page's lead and order, and
 * changes a live story's slug; after each, the reader's pages show the change (screenshots under
 * test-results/sections).
 */

const SHOTS = 'test-results/sections'
const PIECE = 'Sessions overturns asylum precedent for women fleeing domestic violence'

const suite = browserSuite(SHOTS)

/** Picks an option in a react-select by typing part of its label, and waits until it shows. */
const choose = async (page: Page, control: ReturnType<Page['locator']>, search: string) => {
  await control.click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: search }).first().click()
  await control
    .locator('.rs__single-value, .rs__multi-value', { hasText: search })
    .first()
    .waitFor()
}

/** Polls a reader's URL (no cookies, no redirects followed) until `check` holds. */
const readerSees = (path: string, check: (response: Response, body: string) => boolean) =>
  waitFor(
    async () => {
      const response = await fetch(`${suite.app.baseUrl}${path}`, { redirect: 'manual' })
      const body = await response.text()
      return check(response, body) ? { body, response } : null
    },
    { intervalMs: 300, timeoutMs: 30_000, what: `${path} to show the change` },
  )

it('an editor creates a topic, orders the front page and renames a live story; readers follow', async () => {
  const topicName = 'Refugee law'
  const topicSlug = 'refugee-law'
  const context = await suite.browser.newContext({ viewport: { height: 1000, width: 1400 } })
  const page = await context.newPage()
  await page.goto(`${suite.app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', 'editor@newsroom.test')
  await page.fill('input[name="password"]', 'newsroom-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin$/)

  // A second live story to order against the seeded piece, written through the API.
  const login = await fetch(`${suite.app.baseUrl}/api/users/login`, {
    body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  const { token } = await login.json()
  const headline = 'Appeals court weighs the asylum rule'
  const created = await fetch(`${suite.app.baseUrl}/api/articles`, {
    body: JSON.stringify({ _status: 'published', headline }),
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    method: 'POST',
  })
  const story = (await created.json()).doc
  expect(story.slug).toBe('appeals-court-weighs-the-asylum-rule')

  // 1. A topic, made in the admin, has its page at once.
  await page.goto(`${suite.app.baseUrl}/admin/collections/topics/create`)
  await page.fill('input[name="name"]', topicName)
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL(/\/admin\/collections\/topics\/[^/]+$/)
  await page.screenshot({ fullPage: true, path: `${SHOTS}/1-topic-admin.png` })
  await readerSees(
    `/topics/${topicSlug}`,
    (response, body) => response.status === 200 && body.includes(topicName),
  )
  const topicPage = await context.newPage()
  await topicPage.goto(`${suite.app.baseUrl}/topics/${topicSlug}`)
  await topicPage.screenshot({ fullPage: true, path: `${SHOTS}/2-topic-page.png` })

  // 2. The front page: the new story as the lead, the piece in the first slot.
  await page.goto(`${suite.app.baseUrl}/admin/globals/front-page`)
  await choose(page, page.locator('#field-lead .rs__control'), headline)
  await choose(page, page.locator('#field-slots .rs__control'), 'Sessions overturns')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.locator('.payload-toast-item').first().waitFor()
  await page.screenshot({ fullPage: true, path: `${SHOTS}/3-front-page-admin.png` })
  await readerSees('/', (response, body) => {
    const leads = [...body.matchAll(/<h[23]><a href="[^"]+">([^<]+)<\/a><\/h[23]>/g)]
    return leads[0]?.[1] === headline && leads[1]?.[1] === PIECE
  })
  const front = await context.newPage()
  await front.goto(`${suite.app.baseUrl}/`)
  await expect(front.locator('.lead-story h2').textContent()).resolves.toBe(headline)
  await front.screenshot({ fullPage: true, path: `${SHOTS}/4-front-page.png` })

  // 3. The live story's slug, changed in the admin: the old URL now answers 301 to the new.
  const newSlug = 'asylum-rule-appeal'
  const storyAs = async (query: string) =>
    (
      await (
        await fetch(`${suite.app.baseUrl}/api/articles/${story.id}?depth=0${query}`, {
          headers: { authorization: `JWT ${token}` },
        })
      ).json()
    ).slug
  await page.goto(`${suite.app.baseUrl}/admin/collections/articles/${story.id}`)
  const slugInput = page.locator('input[name="slug"]')
  // The editor types the new slug until the form has it: a field typed into before the page
  // has hydrated is set back to the stored slug. Autosave then keeps it as the draft.
  await waitFor(
    async () => {
      if ((await slugInput.inputValue()) !== newSlug) await slugInput.fill(newSlug)
      return (await storyAs('&draft=true')) === newSlug
    },
    { intervalMs: 500, timeoutMs: 30_000, what: 'the autosaved draft to hold the new slug' },
  )
  await page.getByRole('button', { name: 'Publish changes' }).click()
  await waitFor(async () => (await storyAs('')) === newSlug, {
    intervalMs: 300,
    timeoutMs: 30_000,
    what: 'the published story to have the new slug',
  })
  await readerSees(
    `/news/${story.slug}`,
    (response) =>
      response.status === 301 && response.headers.get('location') === `/news/${newSlug}`,
  )
  await page.screenshot({ fullPage: true, path: `${SHOTS}/5-slug-admin.png` })
  const moved = await context.newPage()
  const landed = await moved.goto(`${suite.app.baseUrl}/news/${story.slug}`)
  expect(landed?.url()).toBe(`${suite.app.baseUrl}/news/${newSlug}`)
  await expect(moved.locator('h1').textContent()).resolves.toBe(headline)
  await moved.screenshot({ fullPage: true, path: `${SHOTS}/6-renamed-story.png` })
  await context.close()
}, 120_000)
