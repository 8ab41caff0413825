import type { Browser, Page } from 'playwright-core'

import { afterAll, describe, expect, it } from '@jest/globals'

import { browserSuite } from './helpers/browser'
import { waitFor } from './helpers/waitFor'

/**
 * Issue 23: roles shape the admin. A writer never sees a publish button: "Submit for review"
 * instead, which puts the story in the editors' queue on the dashboard; the editor opens it from
 * there and publishes, and the stage follows (screenshots under test-results/review).
 */

const SHOTS = 'test-results/review'
const suite = browserSuite(SHOTS)
const contexts: Awaited<ReturnType<Browser['newContext']>>[] = []

afterAll(async () => {
  for (const context of contexts) await context.close()
})

const signedIn = async (email: string): Promise<Page> => {
  const context = await suite.browser.newContext({ viewport: { height: 1000, width: 1400 } })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${suite.app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', 'newsroom-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin$/)
  return page
}

describe('a story from writer to editor', () => {
  it('a writer submits for review, the editor finds it in the queue and publishes it', async () => {
    const headline = `Harbour dredging delayed ${Date.now()}`
    const writer = await signedIn('writer@newsroom.test')
    // The writer's dashboard has no queue: there is nothing a writer could do with it.
    await expect(writer.getByRole('heading', { name: /Waiting for review/ }).count()).resolves.toBe(
      0,
    )

    await writer.goto(`${suite.app.baseUrl}/admin/collections/articles/create`)
    await writer.locator('#field-headline').fill(headline)
    const submit = writer.getByRole('button', { name: 'Submit for review' })
    await submit.waitFor()
    await expect(writer.getByRole('button', { name: /^Publish/ }).count()).resolves.toBe(0)
    await writer.screenshot({ fullPage: true, path: `${SHOTS}/writer-submits.png` })
    await submit.click()
    // Saved as a draft in the review stage: the URL gains the story's id.
    await writer.waitForURL((url) =>
      /\/admin\/collections\/articles\/(?!create$)[^/]+$/.test(url.pathname),
    )
    const id = writer.url().split('/').pop() as string
    await waitFor(
      async () => {
        const response = await writer.request.get(
          `${suite.app.baseUrl}/api/articles/${id}?draft=true&depth=0`,
        )
        const doc = await response.json()
        return doc.stage === 'editing' && doc._status === 'draft'
      },
      { timeoutMs: 15_000, what: 'the submitted story to be a draft in review' },
    )

    const editor = await signedIn('editor@newsroom.test')
    const queue = editor.locator('.newsroom-review-queue')
    await queue.getByRole('heading', { name: /Waiting for review/ }).waitFor()
    await editor.screenshot({ fullPage: true, path: `${SHOTS}/editor-queue.png` })
    await queue.getByRole('link', { name: headline }).click()
    await editor.waitForURL(new RegExp(`/admin/collections/articles/${id}$`))
    await editor
      .getByRole('button', { name: /^Publish/ })
      .first()
      .click()
    await waitFor(
      async () => {
        const response = await editor.request.get(`${suite.app.baseUrl}/api/articles/${id}?depth=0`)
        const doc = await response.json()
        return doc._status === 'published' && doc.stage === 'published'
      },
      { timeoutMs: 15_000, what: 'the story to be published with the stage published' },
    )
  })
})
