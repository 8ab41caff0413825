import type { BrowserContext } from 'playwright-core'

import { describe, expect, it } from '@jest/globals'

import { browserSuite } from './helpers/browser'

/**
 * The site as readers and editors see it, in a real browser: the seeded piece on its page with
 * its pull quote, case citations and related coverage in order; and an editor's live preview,
 * which follows the draft as it is typed and autosaved.
 */

const SHOTS = 'test-results/site'
const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'

let context: BrowserContext | undefined

const suite = browserSuite(SHOTS)

const newPage = async () => {
  await context?.close()
  context = await suite.browser.newContext({ viewport: { height: 1000, width: 1280 } })
  const page = await context.newPage()
  return page
}

describe('a reader', () => {
  it('opens the seeded piece: related coverage in order, the pull quote and the case citations', async () => {
    const page = await newPage()
    const response = await page.goto(`${suite.app.baseUrl}/news/${SLUG}`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Sessions overturns asylum precedent for women fleeing domestic violence',
    )

    const related = page.locator('.related-coverage li a')
    await expect(related.allTextContents()).resolves.toEqual([
      'President Trump claims migrant women are being taped up at the border',
      'Federal judge halts deportation of a woman who won a lawsuit over her immigration arrest',
      'Saudi teen who fled her family starts new life in Canada with a new name',
    ])
    const hrefs = await related.evaluateAll((links) =>
      links.map((link) => (link as HTMLAnchorElement).href),
    )
    expect(hrefs).toHaveLength(3)
    expect(hrefs.every((href) => href.startsWith('https://'))).toBe(true)

    const pullQuote = page.locator('figure.pull-quote')
    await expect(pullQuote.locator('blockquote').textContent()).resolves.toBe(
      '“basically throws us back to the Dark Ages, when we didn’t recognize that women’s rights were human rights.”',
    )
    await expect(pullQuote.locator('figcaption').textContent()).resolves.toMatch(
      /^Karen Musalo, Director, Center for Gender & Refugee Studies/,
    )

    const kasinga = page.locator('cite.case-citation a', { hasText: 'Matter of Kasinga' })
    await expect(kasinga.getAttribute('title')).resolves.toBe(
      'Matter of Kasinga, 21 I&N Dec. 357 (BIA 1996)',
    )
    // The citation keeps the printed sentence whole.
    await expect(page.locator('p', { has: kasinga }).textContent()).resolves.toContain(
      'The case, known as Matter of Kasinga, centered on a teenager',
    )
    await page.screenshot({ fullPage: true, path: `${SHOTS}/piece.png` })

    await kasinga.click()
    await page.waitForURL(`${suite.app.baseUrl}/cases/matter-of-kasinga`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Matter of Kasinga')
    await expect(page.locator('body').textContent()).resolves.toContain(
      'Sessions overturns asylum precedent for women fleeing domestic violence',
    )
    await page.screenshot({ fullPage: true, path: `${SHOTS}/case.png` })
  }, 60_000)
})

describe('an editor', () => {
  it('watches the live preview follow the draft, which readers never see', async () => {
    const page = await newPage()
    const login = await page.request.post(`${suite.app.baseUrl}/api/users/login`, {
      data: { email: 'editor@newsroom.test', password: 'newsroom-demo' },
    })
    expect(login.status()).toBe(200)
    const slug = `live-preview-${Date.now()}`
    const created = await page.request.post(`${suite.app.baseUrl}/api/articles`, {
      data: { _status: 'published', headline: 'Judges weigh the ruling', slug },
    })
    expect(created.status()).toBe(201)
    const { doc } = await created.json()

    await page.goto(`${suite.app.baseUrl}/admin/collections/articles/${doc.id}`)
    await page.getByRole('button', { name: 'Live Preview' }).click()
    const preview = page.frameLocator('.live-preview-window iframe')
    await expect(preview.locator('h1').textContent()).resolves.toBe('Judges weigh the ruling')
    await preview.locator('.preview-banner').waitFor()

    const headline = page.locator('#field-headline')
    await headline.fill('Judges weigh the ruling, and its reach')
    // Autosave stores the draft; the pane then re-renders the page from the server.
    await preview.locator('h1', { hasText: 'Judges weigh the ruling, and its reach' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/live-preview.png` })

    const reader = await fetch(`${suite.app.baseUrl}/news/${slug}`)
    const html = await reader.text()
    expect(html).toContain('<h1>Judges weigh the ruling</h1>')
    expect(html).not.toContain('and its reach')
  }, 90_000)
})
