import { expect, it } from '@jest/globals'

import { browserSuite } from './helpers/browser'

/**
 * Issue 24: a reader finds their way on the production build with the seeded piece. From the
 * front page the keyboard reaches a skip link first; the header's sections lead to a section
 * page; the header's search box finds the piece by a person it quotes and by a case it cites,
 * showing the passage; the piece shows its cases in a box and links its pull quotes' speakers
 * (screenshots under test-results/navigation).
 */

const SHOTS = 'test-results/navigation'
const HEADLINE = 'Sessions overturns asylum precedent for women fleeing domestic violence'

const suite = browserSuite(SHOTS)

it('a reader skips the header, reaches a section, and finds the piece by a name and a case', async () => {
  const context = await suite.browser.newContext({ viewport: { height: 1000, width: 1280 } })
  const page = await context.newPage()
  await page.goto(`${suite.app.baseUrl}/`)

  // The first Tab lands on the skip link, which leads to the main content.
  await page.keyboard.press('Tab')
  await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
    'Skip to content',
  )

  // A section from the header's navigation.
  const sections = page.getByRole('navigation', { name: 'Sections' })
  await sections.getByRole('link').first().click()
  await page.waitForURL(/\/sections\/[^/]+$/)
  await page.getByRole('link', { name: HEADLINE }).first().waitFor()
  await page.screenshot({ fullPage: true, path: `${SHOTS}/section.png` })

  // The header's search box, by a person the piece quotes, then by a case it cites.
  for (const words of ['Musalo', 'Kasinga']) {
    const search = page.getByRole('search', { name: 'Site search' })
    await search.getByRole('searchbox').fill(words)
    await search.getByRole('searchbox').press('Enter')
    await page.waitForURL(
      (url) => url.pathname === '/search' && url.searchParams.get('q') === words,
    )
    await page.getByRole('link', { name: HEADLINE }).first().waitFor()
    // The passage around the word the reader looked for.
    await expect(page.locator('main').innerText()).resolves.toContain(words)
    await page.screenshot({ fullPage: true, path: `${SHOTS}/search-${words}.png` })
  }

  // The piece: its cases in a box, each to its page; its pull quotes' speakers to theirs.
  await page.getByRole('link', { name: HEADLINE }).first().click()
  const cases = page.getByRole('complementary', { name: 'Cases in this story' })
  await cases.waitFor()
  await expect(
    cases.getByRole('link', { name: /Matter of A-R-C-G-/ }).getAttribute('href'),
  ).resolves.toBe('/cases/matter-of-a-r-c-g')
  await expect(
    page.locator('figure.pull-quote a[href="/people/karen-musalo"]').count(),
  ).resolves.toBeGreaterThan(0)
  await page.screenshot({ fullPage: true, path: `${SHOTS}/piece.png` })
  await context.close()
}, 120_000)
