import type { Browser } from 'playwright-core'

import { afterAll, beforeAll } from '@jest/globals'
import fs from 'node:fs'
import { chromium } from 'playwright-core'

import { type RunningApp, startApp } from './app'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** Flags for a browser on a closed network: no background calls home, no sandbox as root. */
const CLOSED_NETWORK_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * A browser nothing downloads: `CHROMIUM_PATH`, else Debian's chromium, else the Chromium build
 * that the `@sparticuz/chromium` npm package ships (unpacked from the package on first use), so
 * `npm install` alone is enough on a machine without the system browser.
 */
export const launchBrowser = async (): Promise<Browser> => {
  const systemBrowser = process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM
  if (fs.existsSync(systemBrowser)) {
    return chromium.launch({ args: CLOSED_NETWORK_ARGS, executablePath: systemBrowser })
  }
  const { default: packaged } = await import('@sparticuz/chromium')
  return chromium.launch({
    args: [...packaged.args, ...CLOSED_NETWORK_ARGS],
    executablePath: await packaged.executablePath(),
  })
}

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
