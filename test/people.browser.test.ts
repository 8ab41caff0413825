import type { BrowserContext, Page } from 'playwright-core'

import { describe, expect, it } from '@jest/globals'

import { browserSuite } from './helpers/browser'
import { waitFor } from './helpers/waitFor'

/**
 * People's pages on the real site (the production build, the seeded piece and its fact-check):
 * what a source said, their cases, author pages and the links to them, readers seeing only what
 * is published; and, in a real browser, an editor who adds a quote by picking a person, which the
 * person's page shows once the story that uses it is published (and in preview before).
 */

const SHOTS = 'test-results/people'
const MUSALO = '/people/karen-musalo'

const suite = browserSuite(SHOTS)
let context: BrowserContext | undefined

const page = async (path: string) => {
  const response = await fetch(`${suite.app.baseUrl}${path}`)
  return { html: await response.text(), status: response.status }
}

/** What a reader sees, until it shows `text` (a publish reaches pages within moments). */
const eventually = (path: string, text: string, timeoutMs = 30_000) =>
  waitFor(
    async () => {
      const last = await page(path)
      return last.html.includes(text) ? last : null
    },
    { intervalMs: 500, timeoutMs, what: `${path} to show “${text}”` },
  )

const signedIn = async (): Promise<Page> => {
  await context?.close()
  context = await suite.browser.newContext({ viewport: { height: 1000, width: 1400 } })
  const tab = await context.newPage()
  await tab.goto(`${suite.app.baseUrl}/admin/login`)
  await tab.fill('input[name="email"]', 'editor@newsroom.test')
  await tab.fill('input[name="password"]', 'newsroom-demo')
  await tab.click('button[type="submit"]')
  await tab.waitForURL(/\/admin$/)
  return tab
}

describe('a reader', () => {
  it('reads what Karen Musalo said, each quote with its story, and the cases she argued', async () => {
    const { html, status } = await page(MUSALO)
    expect(status).toBe(200)
    expect(html).toContain('<h1>Karen Musalo</h1>')
    expect(html).toContain('basically throws us back to the Dark Ages')
    expect(html).toContain(
      'href="/news/sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence"',
    )
    expect(html).toMatch(/Counsel<!-- -->:.*href="\/cases\/matter-of-kasinga"/s)
    expect(html).toContain('href="/cases/matter-of-r-a"')
    // A source has no author page; nobody unknown has any page.
    expect((await page('/authors/karen-musalo')).status).toBe(404)
    expect((await page('/people/nobody-we-know')).status).toBe(404)
  }, 60_000)

  it('sees a case’s parties linked to their pages, and the fact-check’s ClaimReview', async () => {
    const kasinga = await page('/cases/matter-of-kasinga')
    expect(kasinga.html).toContain('href="/people/karen-musalo"')
    expect(kasinga.html).toContain('href="/people/fauziya-kassindja"')
    const check = await page('/news/fact-check-are-migrant-women-being-taped-up-at-the-border')
    expect(check.status).toBe(200)
    const scripts = [
      ...check.html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs),
    ].map((match) => JSON.parse(match[1]))
    const review = scripts.find((entry) => entry['@type'] === 'ClaimReview')
    expect(review?.reviewRating).toMatchObject({ alternateName: 'Mostly false' })
    expect(review?.itemReviewed.author.name).toBe('Donald Trump')
    expect((await page('/people/donald-trump')).html).toContain('Claims we checked')
  }, 60_000)
})

describe('an editor', () => {
  it('adds a quote by picking a person; the person’s page shows it once its story is published', async () => {
    const tab = await signedIn()
    const words = `Asylum law has to keep up with what women flee ${Date.now()}`
    await tab.goto(`${suite.app.baseUrl}/admin/collections/quotes/create`)
    await tab.locator('textarea[name="text"]').fill(words)
    const person = tab.locator('#field-speaker__person .rs__control')
    await person.click()
    await tab.keyboard.type('Musalo')
    await tab.locator('.rs__option', { hasText: 'Karen Musalo' }).first().click()
    await person.locator('.rs__single-value', { hasText: 'Karen Musalo' }).waitFor()
    const status = tab.locator('#field-verification__status .rs__control')
    await status.click()
    // Exactly "Verified": "Unverified" contains it too.
    await tab
      .locator('.rs__option', { hasText: /^Verified$/ })
      .first()
      .click()
    await status.locator('.rs__single-value', { hasText: /^Verified$/ }).waitFor()
    await tab.screenshot({ fullPage: true, path: `${SHOTS}/1-quote-picked.png` })
    await tab.getByRole('button', { name: 'Save' }).click()
    await tab.waitForURL(/\/admin\/collections\/quotes\/[0-9a-f]+$/)
    // Nothing was typed for the speaker: the server printed the person as they are named.
    await expect(tab.locator('input[name="speaker.name"]').inputValue()).resolves.toBe(
      'Karen Musalo',
    )
    await expect(tab.locator('input[name="speaker.title"]').inputValue()).resolves.toBe('Director')
    // Integers on SQL databases, ObjectId strings on MongoDB: sent as the API stores them.
    const urlId = tab.url().split('/').pop() as string
    const quoteId = /^\d+$/.test(urlId) ? Number(urlId) : urlId

    const slug = `musalo-on-asylum-${Date.now()}`
    const created = await tab.request.post(`${suite.app.baseUrl}/api/articles`, {
      data: { _status: 'draft', headline: 'Musalo on what comes next', quotes: [quoteId], slug },
    })
    expect([created.status(), await created.text()]).toEqual([201, expect.any(String)])
    const { doc } = await created.json()

    // Readers: not while the story is a draft. The editor, in preview: yes, marked as such.
    expect((await page(MUSALO)).html).not.toContain(words)
    await tab.goto(`${suite.app.baseUrl}/preview?path=${encodeURIComponent(MUSALO)}`)
    await tab.locator('blockquote', { hasText: words }).waitFor()
    await expect(tab.locator('.person-quote', { hasText: words }).textContent()).resolves.toContain(
      '(draft)',
    )
    await tab.screenshot({ fullPage: true, path: `${SHOTS}/2-preview.png` })

    const published = await tab.request.patch(`${suite.app.baseUrl}/api/articles/${doc.id}`, {
      data: { _status: 'published' },
    })
    expect(published.status()).toBe(200)
    const reader = await eventually(MUSALO, words)
    expect(reader.html).toContain(words)
    expect(reader.html).toContain(`href="/news/${slug}"`)
    // Newest first: the new quote (said today) comes before the 2018 ones.
    expect(reader.html.indexOf(words)).toBeLessThan(reader.html.indexOf('Dark Ages'))
    const readerTab = await context!.browser()!.newContext()
    const view = await readerTab.newPage()
    await view.goto(`${suite.app.baseUrl}${MUSALO}`)
    await view.locator('blockquote', { hasText: words }).waitFor()
    await view.screenshot({ fullPage: true, path: `${SHOTS}/3-published.png` })
    await readerTab.close()
  }, 120_000)

  it('gives a contributor an author page that the byline links to, once a story is live', async () => {
    const tab = await signedIn()
    const person = await tab.request.post(`${suite.app.baseUrl}/api/people`, {
      data: { bio: 'Covers the immigration courts.', kind: 'contributor', name: 'Rosa Writer' },
    })
    expect(person.status()).toBe(201)
    const { doc: rosa } = await person.json()
    expect((await page(`/authors/${rosa.slug}`)).status).toBe(404)
    const slug = `court-backlog-${Date.now()}`
    const story = await tab.request.post(`${suite.app.baseUrl}/api/articles`, {
      data: {
        _status: 'published',
        bylines: [{ person: rosa.id }],
        headline: 'The immigration court backlog',
        slug,
      },
    })
    expect(story.status()).toBe(201)
    const storyPage = await page(`/news/${slug}`)
    expect(storyPage.html).toMatch(
      new RegExp(`<a href="/authors/${rosa.slug}" rel="author">Rosa Writer</a>`),
    )
    const author = await page(`/authors/${rosa.slug}`)
    expect(author.status).toBe(200)
    expect(author.html).toContain('Covers the immigration courts.')
    expect(author.html).toContain(`href="/news/${slug}"`)
    await tab.goto(`${suite.app.baseUrl}/authors/${rosa.slug}`)
    await tab.screenshot({ fullPage: true, path: `${SHOTS}/4-author.png` })
  }, 60_000)
})
