import type { Browser } from 'playwright-core'

import { afterAll, beforeAll } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
 * The Chromium build `@sparticuz/chromium` ships, unpacked once per machine. The package unpacks
 * into the temporary folder and takes any file already named `chromium` there as done, so a
 * half-written one (an unpack cut short, or two suites unpacking at once) stayed broken for every
 * later run. Here each unpack goes to a folder of its own that is renamed into place only when
 * complete, so a reader sees a whole browser or none.
 */
const packagedChromium = (): string => {
  const home = path.join(os.tmpdir(), 'newsroom-packaged-chromium')
  const binary = path.join(home, 'chromium')
  if (fs.existsSync(binary)) return binary
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-packaged-chromium-'))
  // The package unpacks into `os.tmpdir()`; a process of its own is the one place where that can
  // be pointed at the staging folder (jest gives each suite a copy of `process.env`).
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "await (await import('@sparticuz/chromium')).default.executablePath()",
    ],
    { env: { ...process.env, TMPDIR: staging }, stdio: 'inherit' },
  )
  if (!fs.existsSync(path.join(staging, 'chromium'))) {
    throw new Error(`@sparticuz/chromium did not unpack a browser into ${staging}`)
  }
  try {
    fs.renameSync(staging, home)
  } catch {
    // Another suite finished first: its copy is whole too.
    fs.rmSync(staging, { force: true, recursive: true })
  }
  return binary
}

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
    executablePath: packagedChromium(),
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
