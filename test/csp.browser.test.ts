import type { AddressInfo } from 'node:net'
import type { BrowserContext, Page } from 'playwright-core'

import { afterEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'

import { browserSuite } from './helpers/browser'
import { type NetworkWatch, watchNetwork } from './helpers/networkIdle'
import { waitFor } from './helpers/waitFor'

/**
 * The Content-Security-Policy in a real browser, on the production build (whose policy, unlike
 * development's, has no 'unsafe-eval'): the site's pages and the admin run without a single
 * violation, and a page on another origin cannot frame the admin.
 */

const SHOTS = 'test-results/csp'
const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'

const suite = browserSuite(SHOTS)
let context: BrowserContext | undefined

type Watched = { network: NetworkWatch; page: Page; violations: string[] }

/**
 * A page whose every CSP violation is recorded, in any frame: the console's "Refused to …"
 * lines, and `securitypolicyviolation` events, reported to the test as they fire.
 */
const watchedPage = async (): Promise<Watched> => {
  await context?.close()
  context = await suite.browser.newContext({ viewport: { height: 1000, width: 1280 } })
  const network = watchNetwork(context)
  const violations: string[] = []
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    violations.push(text)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation
      report(
        `${event.effectiveDirective}: ${event.blockedURI} on ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) {
      violations.push(message.text())
    }
  })
  return { network, page, violations }
}

afterEach(async () => {
  await context?.close()
  context = undefined
})

/**
 * Lets late scripts, styles and frames load, so their violations are in before checking: waits
 * until the page's network is idle (a refused load is reported as it is refused).
 */
const settle = ({ network }: Watched) => network.idle()

describe('the site', () => {
  it('renders the front page, a story and a case without a CSP violation', async () => {
    const watched = await watchedPage()
    const { page, violations } = watched
    for (const to of ['/', `/news/${SLUG}`, '/cases/matter-of-kasinga']) {
      const response = await page.goto(`${suite.app.baseUrl}${to}`)
      expect(response?.status()).toBe(200)
      const policy = response?.headers()['content-security-policy']
      expect(policy).toContain("frame-ancestors 'self'")
      // Production's policy: what readers get, with nothing the dev runtime needs.
      expect(policy).not.toContain("'unsafe-eval'")
      await page.locator('main').waitFor()
      await settle(watched)
    }
    await page.screenshot({ fullPage: true, path: `${SHOTS}/story.png` })
    expect(violations).toEqual([])
  }, 90_000)

  it('is watched: an image from elsewhere is refused and recorded', async () => {
    const { page, violations } = await watchedPage()
    await page.goto(`${suite.app.baseUrl}/news/${SLUG}`)
    await page.evaluate(() => {
      const image = document.createElement('img')
      image.src = 'https://elsewhere.example/pixel.png'
      document.body.append(image)
    })
    await waitFor(() => violations.length >= 2, {
      what: 'the event and the console line for the refused image',
    })
    // Both records: the event, and the console's line.
    expect(violations.some((text) => text.startsWith('img-src: https://elsewhere.example'))).toBe(
      true,
    )
    // Chromium words it "Loading the image … violates …" (older builds: "Refused to load …").
    expect(
      violations.some(
        (text) =>
          text.includes('https://elsewhere.example/pixel.png') &&
          /Content Security Policy/.test(text),
      ),
    ).toBe(true)
  }, 60_000)
})

describe('the admin', () => {
  it('signs in, lists articles, edits one with its live preview and opens a case, without a CSP violation', async () => {
    const watched = await watchedPage()
    const { page, violations } = watched
    await page.goto(`${suite.app.baseUrl}/admin/login`)
    await page.fill('input[name="email"]', 'admin@newsroom.test')
    await page.fill('input[name="password"]', 'newsroom-demo')
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin$/)
    // Production's session cookie is Secure; the browser keeps it on http://127.0.0.1, which it
    // counts as a secure context, so signing in works as it will behind https.
    const cookies = await page.context().cookies()
    expect(cookies.find((cookie) => cookie.name === 'payload-token')?.secure).toBe(true)
    await settle(watched)

    await page.goto(`${suite.app.baseUrl}/admin/collections/articles`)
    const row = page.locator('table tbody tr a').first()
    await row.waitFor()
    await settle(watched)

    await row.click()
    await page.locator('#field-headline').waitFor()
    await settle(watched)
    // The live preview frames the site's own page: frame-ancestors 'self' lets it.
    await page.getByRole('button', { name: 'Live Preview' }).click()
    await page.frameLocator('.live-preview-window iframe').locator('h1').waitFor()
    await settle(watched)
    await page.screenshot({ path: `${SHOTS}/article.png` })

    // A case's precedent chain is a JSON field, shown in the code editor Payload loads from
    // jsDelivr: allowed by the policy (offline here it only fails to load).
    await page.goto(`${suite.app.baseUrl}/admin/collections/cases`)
    await page.locator('table tbody tr a').first().click()
    await page.locator('#field-caption').waitFor()
    await settle(watched)

    expect(violations).toEqual([])
  }, 120_000)

  it('cannot be framed by a page on another origin', async () => {
    // A page on another port of this machine: another origin, and the same (local) network, so
    // only the policy, not the browser's local-network checks, stands in the way.
    const outside = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.end(`<!doctype html><iframe src="${suite.app.baseUrl}/admin/login"></iframe>`)
    })
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve))
    try {
      const { page, violations } = await watchedPage()
      await page.goto(`http://127.0.0.1:${(outside.address() as AddressInfo).port}/`)
      await waitFor(() => violations.some((text) => text.includes('frame-ancestors')), {
        timeoutMs: 30_000,
        what: 'the frame-ancestors violation',
      })
      expect(violations.join('\n')).toContain("frame-ancestors 'self'")
      await expect(
        page.frameLocator('iframe').locator('input[name="email"]').count(),
      ).resolves.toBe(0)
    } finally {
      outside.close()
    }
  }, 60_000)
})
