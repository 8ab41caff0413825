import type { Page } from 'playwright-core'

import { expect, it } from '@jest/globals'

import { browserSuite } from './helpers/browser'
import { waitFor } from './helpers/waitFor'

/**
 * An editor at the desk, in a real browser: logs in, writes a story with a case citation and a
 * pull quote (each shown in the editor as the case and the quote read), picks one related story
 * and creates another without leaving the article, publishes, and the public API then serves it
 * with the related coverage in that order; reopened, the story's quote check lists its quote.
 */

const SHOTS = 'test-results/editor'

let page: Page

const openDrawer = () => page.locator('dialog.drawer--is-open').last()
const openTab = (label: string) =>
  page.locator('.tabs-field__tab-button', { hasText: label }).first().click()
const citationChip = () => page.locator('.LexicalEditorTheme__inlineBlock-caseCitation').last()
const pullQuoteBlock = () => page.locator('.LexicalEditorTheme__block-pullQuote').last()

/** Waits until the element shows every one of the texts (labels fill in after a fetch). */
const waitForTexts = async (element: ReturnType<Page['locator']>, texts: string[]) => {
  for (const text of texts) {
    await element.filter({ hasText: text }).waitFor()
  }
}

// How the case and the quote the editor picks read in the body editor: from their records.
const CHIP_TEXTS = ['Matter of A-R-C-G →', 'Matter of A-R-C-G-, 26 I&N Dec. 388 (BIA 2014)']
const PULL_QUOTE_TEXTS = ['“basically throws us back to the Dark Ages', '— Karen Musalo, Director']

/** Picks an option in a react-select by typing part of its label, and waits until it shows. */
const choose = async (control: ReturnType<Page['locator']>, search: string) => {
  await control.click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: search }).first().click()
  await control
    .locator('.rs__single-value, .rs__multi-value', { hasText: search })
    .first()
    .waitFor()
}

/** Saves the open drawer, and again if the first click came before the form was ready. */
const saveDrawer = async (name: string) => {
  const drawer = openDrawer()
  await drawer.getByRole('button', { name }).click()
  try {
    await drawer.waitFor({ state: 'detached', timeout: 10_000 })
  } catch {
    await drawer.getByRole('button', { name }).click()
    await drawer.waitFor({ state: 'detached' })
  }
}

type LexicalNode = { children?: LexicalNode[]; fields?: Record<string, unknown> }

/** Whether a Lexical tree holds a pull quote block with its quote chosen. */
const hasPullQuote = (node: LexicalNode | undefined): boolean =>
  Boolean(node) &&
  ((node?.fields?.blockType === 'pullQuote' && node.fields.quote != null) ||
    (node?.children ?? []).some(hasPullQuote))

/** The story's draft as autosave stored it, read with the editor's session. */
const draftHoldsPullQuote = async (): Promise<boolean> => {
  const id = /\/admin\/collections\/articles\/([^/?#]+)/.exec(page.url())?.[1]
  if (!id || id === 'create') return false
  const response = await page.request.get(
    `${suite.app.baseUrl}/api/articles/${id}?draft=true&depth=0`,
  )
  if (!response.ok()) return false
  const doc = (await response.json()) as { body?: { root?: LexicalNode } }
  return hasPullQuote(doc.body?.root)
}

const suite = browserSuite(SHOTS)

it('an editor writes, links and publishes a story the API then serves as arranged', async () => {
  const HEADLINE = 'Former judges push back on asylum ruling'
  const SLUG = 'former-judges-push-back-on-asylum-ruling'
  const context = await suite.browser.newContext({ viewport: { height: 1000, width: 1400 } })
  page = await context.newPage()
  await page.goto(`${suite.app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', 'editor@newsroom.test')
  await page.fill('input[name="password"]', 'newsroom-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin$/)

  await page.goto(`${suite.app.baseUrl}/admin/collections/articles/create`)
  await page.fill('input[name="headline"]', HEADLINE)

  const body = page.locator('[data-lexical-editor="true"]').first()
  await body.click()
  await page.keyboard.type('The ruling set aside ')
  await page.keyboard.type('/case')
  await page.getByText('Case citation', { exact: true }).last().click()
  await choose(openDrawer().locator('.rs__control').first(), 'A-R-C-G-')
  await openDrawer().locator('input[name="mention"]').fill('Matter of A-R-C-G')
  await saveDrawer('Save changes')
  await waitForTexts(citationChip(), CHIP_TEXTS)
  await body.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('/pull')
  await page.getByText('Pull quote', { exact: true }).last().click()
  await choose(page.locator('[data-lexical-editor="true"] .rs__control').last(), 'Dark Ages')
  await waitForTexts(pullQuoteBlock().locator('.pull-quote-label'), PULL_QUOTE_TEXTS)
  // The block's value reaches the form state a moment after the select closes (the editor
  // debounces its changes); leaving the editor flushes them, and autosave stores the form:
  // once the stored draft holds the pull quote's quote, the form state has it.
  await page.locator('input[name="headline"]').click()
  await waitFor(draftHoldsPullQuote, {
    timeoutMs: 30_000,
    what: 'autosave to store the pull quote with its quote',
  })
  await page.screenshot({ fullPage: true, path: `${SHOTS}/1-body.png` })

  await page.getByText('Related coverage', { exact: true }).first().click()
  const related = page.locator('#field-relatedCoverage')
  await choose(related.locator('.rs__control'), 'Saudi teen')
  await related.locator('.relationship-add-new__add-button').click()
  await openDrawer().locator('input[name="headline"]').fill('Read the judges’ letter')
  await openDrawer().locator('input[name="url"]').fill('https://example.com/judges-letter')
  await openDrawer().getByRole('button', { name: 'Save' }).click()
  await page.getByText('Related Story successfully created.').waitFor()
  await openDrawer().locator('button[aria-label="Close"]').first().click()
  await openDrawer().waitFor({ state: 'detached' })
  await page.screenshot({ fullPage: true, path: `${SHOTS}/2-related.png` })

  await page.getByRole('button', { name: 'Publish changes' }).click()
  // What counts is what readers get: poll the public API until the story is live (the toast
  // from creating the related story may still be on screen, so it proves nothing).
  const url = `${suite.app.baseUrl}/api/articles?where[slug][equals]=${SLUG}&depth=1`
  let docs: any[] = []
  try {
    docs = await waitFor(
      async () => {
        const found: any[] = (await (await fetch(url)).json()).docs
        return found.length > 0 && found
      },
      { intervalMs: 500, timeoutMs: 30_000, what: 'the story to go live' },
    )
  } catch (error) {
    const toasts = await page.locator('.payload-toast-item').allInnerTexts()
    throw new Error(`${(error as Error).message}; the admin said: ${toasts.join(' | ')}`)
  } finally {
    await page.screenshot({ fullPage: true, path: `${SHOTS}/3-published.png` })
  }
  expect(docs).toHaveLength(1)
  const [article] = docs
  expect(article._status).toBe('published')
  expect(article.relatedCoverage.map((item: { headline: string }) => item.headline)).toEqual([
    'Saudi teen who fled her family starts new life in Canada with a new name',
    'Read the judges’ letter',
  ])
  expect(article.cases.map((record: { caption: string }) => record.caption)).toEqual([
    'Matter of A-R-C-G-',
  ])
  expect(article.quotes.map((quote: { speaker: { name: string } }) => quote.speaker.name)).toEqual([
    'Karen Musalo',
  ])
  const blocks = article.body.root.children.map((node: { type: string }) => node.type)
  expect(blocks).toContain('block')

  // Reopened, the body reads the same from the saved story, and the Sources tab's quote check
  // lists the pull quote's quote with its verification. The admin reopens the tab last shown.
  await page.goto(`${suite.app.baseUrl}/admin/collections/articles/${article.id}`)
  await openTab('Story')
  await waitForTexts(citationChip(), CHIP_TEXTS)
  await waitForTexts(pullQuoteBlock().locator('.pull-quote-label'), PULL_QUOTE_TEXTS)
  await openTab('Sources')
  const check = page.locator('.quote-checks li', { hasText: 'Karen Musalo' })
  await waitForTexts(check, ['[verified]', 'basically throws us back', 'used as a pull quote'])
  expect(await page.locator('.quote-checks li').count()).toBe(1)
  await page.screenshot({ fullPage: true, path: `${SHOTS}/4-sources.png` })
}, 120_000)

it('an editor whose language is Spanish reads the articles list in Spanish', async () => {
  // Payload keeps an editor's language (Account → Language) in its `lng` cookie.
  const context = await suite.browser.newContext({
    locale: 'es-ES',
    viewport: { height: 1000, width: 1400 },
  })
  await context.addCookies([{ name: 'payload-lng', url: suite.app.baseUrl, value: 'es' }])
  const spanish = await context.newPage()
  await spanish.goto(`${suite.app.baseUrl}/admin/login`)
  await spanish.fill('input[name="email"]', 'editor@newsroom.test')
  await spanish.fill('input[name="password"]', 'newsroom-demo')
  await spanish.click('button[type="submit"]')
  await spanish.waitForURL(/\/admin$/)

  await spanish.goto(`${suite.app.baseUrl}/admin/collections/articles`)
  await spanish.locator('h1', { hasText: 'Artículos' }).waitFor()
  // The newsroom's own labels and options, and Payload's, in the editor's language.
  await spanish.locator('#heading-headline', { hasText: 'Titular' }).waitFor()
  await spanish.locator('#heading-stage', { hasText: 'Etapa' }).waitFor()
  await spanish.locator('.table td', { hasText: 'Publicada' }).first().waitFor()
  await spanish.locator('.nav-group', { hasText: 'Redacción' }).first().waitFor()
  await spanish.screenshot({ fullPage: true, path: `${SHOTS}/5-articles-es.png` })
  await context.close()
}, 120_000)
