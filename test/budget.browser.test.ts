import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createClient } from '@libsql/client'
import fs from 'node:fs'

import { createDemoAccounts, launchBrowser } from './helpers/browser'
import { freshDatabaseUri } from './helpers/database'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'
import { waitFor } from './helpers/waitFor'

/**
 * Issue 23: the story budget and the calendar in a real Chromium on the production build. An
 * editor opens the budget from the admin's nav, sees an assigned story marked overdue, filters
 * by section, opens the calendar and finds a scheduled story on its day; an anonymous visitor
 * is sent to the login page (screenshots under test-results/budget).
 */

const SHOTS = 'test-results/budget'
let app: ProductionApp
let browser: Browser
let databaseUri: string

// As browserSuite, keeping the database's address: the scheduled publish is put in the job
// queue as the admin's "Schedule publish" leaves it (a payload-jobs row with its waitUntil).
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  await ensureProductionBuild()
  databaseUri = await freshDatabaseUri()
  app = await startProductionApp({ databaseUri, env: { NEWSROOM_SEED: 'true' } })
  await createDemoAccounts(app.baseUrl)
  browser = await launchBrowser()
}, 900_000)

afterAll(async () => {
  // Closing the browser closes its contexts.
  await browser?.close()
  app?.signal('SIGKILL')
  await app?.exited
})

const signedIn = async (email: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { height: 1000, width: 1400 } })
  const page = await context.newPage()
  await page.goto(`${app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', 'newsroom-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin$/)
  return page
}

/** A link of the admin's nav, opening the nav first where Payload keeps it closed. */
const navLink = async (page: Page, key: string) => {
  const link = page.locator(`#nav-newsroom-${key}`)
  await link.waitFor({ state: 'attached' })
  if (await link.evaluate((element) => element.closest('[inert]') !== null)) {
    await page.locator('.nav-toggler').first().click()
    await waitFor(async () => link.evaluate((element) => element.closest('[inert]') === null), {
      timeoutMs: 10_000,
      what: 'the admin nav to open',
    })
  }
  return link
}

let token = ''
/** The editor's REST calls, with a token of their own (the browser's cookie stays the page's). */
const api = async (page: Page, method: 'get' | 'post', path: string, data?: object) => {
  if (!token) {
    const login = await page.request.post(`${app.baseUrl}/api/users/login`, {
      data: { email: 'editor@newsroom.test', password: 'newsroom-demo' },
    })
    token = (await login.json()).token
  }
  const response = await page.request[method](`${app.baseUrl}${path}`, {
    headers: { authorization: `JWT ${token}` },
    ...(data ? { data } : {}),
  })
  const body = await response.json()
  if (response.status() >= 400) {
    throw new Error(`${method} ${path} answered ${response.status()}: ${JSON.stringify(body)}`)
  }
  return body
}

describe('the story budget and the calendar', () => {
  it('an anonymous visitor is sent to log in', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/admin/newsroom/budget`)
    await page.waitForURL(/\/admin\/login/)
    expect(await page.getByText('Story budget').count()).toBe(0)
  })

  it('an editor finds an overdue story, filters by section and finds a scheduled story in the calendar', async () => {
    const editor = await signedIn('editor@newsroom.test')
    const stamp = Date.now()
    // The seeded piece's section; the other story has none.
    const first = (await api(editor, 'get', '/api/sections?limit=1&depth=0&sort=id')).docs[0] as {
      id: number
    }
    const userId = async (name: string) =>
      (
        await api(
          editor,
          'get',
          `/api/users?depth=0&where[name][equals]=${encodeURIComponent(name)}`,
        )
      ).docs[0].id as number
    const writerId = await userId('Wren Writer')
    const editorId = await userId('Eddie Editor')
    const now = Date.now()
    const overdue = `Overdue council story ${stamp}`
    const later = `Evening sports story ${stamp}`
    const scheduled = `Scheduled transit story ${stamp}`
    const create = (headline: string, section: null | number, dueAt: null | string) =>
      api(editor, 'post', '/api/articles?draft=true', {
        assignment: { dueAt, editor: editorId, reporters: [writerId] },
        headline,
        section,
      })
    // Due an hour ago and not published: overdue. Due later today (or, near midnight, soon).
    await create(overdue, first.id, new Date(now - 60 * 60 * 1000).toISOString())
    await create(later, null, new Date(now + 5 * 60 * 1000).toISOString())
    const toSchedule = (await create(scheduled, first.id, null)).doc as { id: number }
    const next = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 15))
    const waitUntil = new Date(next.getTime() + 6 * 60 * 60 * 1000).toISOString()
    const db = createClient({ url: databaseUri })
    await db.execute({
      args: [
        JSON.stringify({
          doc: { relationTo: 'articles', value: String(toSchedule.id) },
          type: 'publish',
          user: { relationTo: 'users', value: editorId },
        }),
        waitUntil,
      ],
      sql: "INSERT INTO payload_jobs (input, task_slug, queue, wait_until) VALUES (?, 'schedulePublish', 'default', ?)",
    })
    db.close()

    // The budget from the nav.
    await editor.goto(`${app.baseUrl}/admin`)
    await (await navLink(editor, 'budgetTitle')).click()
    await editor.waitForURL(/\/admin\/newsroom\/budget$/)
    await editor.getByRole('heading', { level: 1, name: 'Story budget' }).waitFor()
    const overdueRow = editor.locator('tr', { has: editor.getByRole('link', { name: overdue }) })
    await overdueRow.waitFor()
    // Marked in words, not only in colour.
    await expect(overdueRow.getByText('Overdue', { exact: true }).count()).resolves.toBe(1)
    await expect(overdueRow.getByText('Wren Writer').count()).resolves.toBeGreaterThan(0)
    const laterRow = editor.locator('tr', { has: editor.getByRole('link', { name: later }) })
    await expect(laterRow.count()).resolves.toBe(1)
    await expect(laterRow.getByText('Overdue', { exact: true }).count()).resolves.toBe(0)
    await editor.screenshot({ fullPage: true, path: `${SHOTS}/budget-today.png` })

    // Filtered by the first section: a link to share.
    await editor.selectOption('select[name="section"]', String(first.id))
    await editor.getByRole('button', { name: 'Show' }).click()
    await editor.waitForURL((url) => url.searchParams.get('section') === String(first.id))
    await editor.getByRole('link', { name: overdue }).waitFor()
    await waitFor(async () => (await editor.getByRole('link', { name: later }).count()) === 0, {
      timeoutMs: 10_000,
      what: 'the other section’s story to leave the filtered budget',
    })
    await editor.screenshot({ fullPage: true, path: `${SHOTS}/budget-by-section.png` })

    // The calendar, next month: the scheduled story on its day.
    await (await navLink(editor, 'calendarTitle')).click()
    await editor.waitForURL(/\/admin\/newsroom\/calendar$/)
    await editor.getByRole('link', { name: /Next month/ }).click()
    const day = editor.locator(`[data-day="${waitUntil.slice(0, 10)}"]`)
    const entry = day.getByRole('link', { name: scheduled })
    await entry.waitFor()
    await expect(day.getByText(/Scheduled/).count()).resolves.toBe(1)
    await editor.screenshot({ fullPage: true, path: `${SHOTS}/calendar-scheduled.png` })
    await entry.click()
    await editor.waitForURL(new RegExp(`/admin/collections/articles/${toSchedule.id}$`))
  })
})
