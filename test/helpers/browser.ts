import type { Browser } from 'playwright-core'

import { afterAll, beforeAll } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

import { demoAccounts, DEMO_PASSWORD } from '../../src/host/seed/seedDemoAccounts'
import { freshDatabaseUri } from './database'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './production'
import { httpJson } from './staffHttp'

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
 * The README's demo accounts (admin, editor, writer, password `newsroom-demo`), made through the
 * app's public API as a newsroom's first admin would: production refuses to create accounts with
 * a published password itself, so a suite that signs in as them makes them.
 */
export const createDemoAccounts = async (baseUrl: string): Promise<void> => {
  const [admin, ...staff] = demoAccounts
  const registered = await httpJson(`${baseUrl}/api/users/first-register`, {
    body: { name: admin.name, email: admin.email, password: DEMO_PASSWORD },
    method: 'POST',
  })
  if (registered.status !== 200) {
    throw new Error(
      `first-register answered ${registered.status}: ${JSON.stringify(registered.body)}`,
    )
  }
  for (const { role, ...account } of staff) {
    const created = await httpJson(`${baseUrl}/api/users`, {
      body: { ...account, password: DEMO_PASSWORD, roles: [role] },
      method: 'POST',
      token: registered.body.token as string,
    })
    if (created.status !== 201) {
      throw new Error(
        `creating ${account.email} answered ${created.status}: ${JSON.stringify(created.body)}`,
      )
    }
  }
}

/**
 * A browser suite's fixtures: the production build (`npm run build`, then the server as `npm
 * start` runs it) on an empty database seeded with the piece, the demo accounts, and Debian's
 * chromium; started before the suite's tests and stopped after them; screenshots go to `shots`.
 * Production, not `npm run dev`: it is what readers and editors get, its stricter policy is the
 * one worth checking, and no route waits minutes for the dev server to compile it on first use.
 */
export const browserSuite = (
  shots: string,
  { env = {} }: { env?: Record<string, string> } = {},
): { app: ProductionApp; browser: Browser } => {
  const suite = {} as { app: ProductionApp; browser: Browser }
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true })
    // Builds only if nothing built this source tree yet (the first suite of a run).
    await ensureProductionBuild()
    suite.app = await startProductionApp({
      databaseUri: await freshDatabaseUri(),
      // More settings for the app: SMTP_URL, for a suite that reads the emails back.
      env: { NEWSROOM_SEED: 'true', ...env },
    })
    await createDemoAccounts(suite.app.baseUrl)
    suite.browser = await launchBrowser()
  }, 900_000)
  afterAll(async () => {
    await suite.browser?.close()
    suite.app?.signal('SIGKILL')
    await suite.app?.exited
  })
  return suite
}
