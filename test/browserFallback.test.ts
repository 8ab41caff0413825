import { describe, expect, it } from '@jest/globals'

import { launchBrowser } from './helpers/browser'

describe('the browser the suites drive', () => {
  it('comes from npm when the machine has no system chromium', async () => {
    const systemBrowser = process.env.CHROMIUM_PATH
    // A machine without Debian's chromium, as a fresh one is.
    process.env.CHROMIUM_PATH = '/nonexistent/chromium'
    try {
      const browser = await launchBrowser()
      try {
        const page = await browser.newPage()
        await page.setContent('<main><h1>Matter of A-B-</h1></main>')
        expect(await page.textContent('h1')).toBe('Matter of A-B-')
      } finally {
        await browser.close()
      }
    } finally {
      if (systemBrowser === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = systemBrowser
    }
  }, 120_000)
})
