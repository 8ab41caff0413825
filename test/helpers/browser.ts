import type { Browser } from 'playwright-core'

import { afterAll, beforeAll } from '@jest/globals'
import fs from 'node:fs'
import { chromium } from 'playwright-core'

import { type RunningApp, startApp } from './app'

/** Debian's chromium (never a downloaded browser), with the flags this closed network needs. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  })

/**
 * A browser suite's fixtures: the README's `npm run dev` on an empty database and Debian's
 * chromium, started before the suite's tests and stopped after them; screenshots go to `shots`.
 */
export const browserSuite = (shots: string): { app: RunningApp; browser: Browser } => {
  const suite = {} as { app: RunningApp; browser: Browser }
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true })
    suite.app = await startApp()
    suite.browser = await launchBrowser()
  }, 180_000)
  afterAll(async () => {
    await suite.browser?.close()
    suite.app?.signal('SIGKILL')
  })
  return suite
}
