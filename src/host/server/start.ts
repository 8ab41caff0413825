// Must stay the first import: it loads .env before the config reads process.env.
import { projectRoot } from './env'

import next from 'next'
import { getPayload } from 'payload'

import config from '../../../payload.config'
import { deliveryFastPath } from './deliveryFastPath'
import { redirectRouter } from './redirectRouter'
import { seedDemoAccounts } from '../seed/seedDemoAccounts'
import { databaseHasContent, seedFactCheck, seedPiece } from '../seed/seedPiece'
import { benchReferenceEnabled, benchReferenceRouter } from './benchReference'
import { startServer } from './createServer'
import { flushLog, logLine } from './log'
import { serverSettingsFromEnv } from './settings'
import { pageCacheSettings, sitePageCache } from '../pageCache/sitePageCache'
import { apiCacheSettings, siteApiCache } from '../apiCache/siteApiCache'

/** Development seeds an empty database with the piece; production only when asked. */
const shouldSeed = (dev: boolean) => {
  const setting = process.env.NEWSROOM_SEED
  return setting ? setting === 'true' : dev
}

const main = async () => {
  const dev = process.env.NODE_ENV !== 'production'
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? (dev ? '127.0.0.1' : '0.0.0.0')
  // Read before anything starts, so a bad limit or origin stops the server at once.
  const settings = serverSettingsFromEnv()

  // This instance runs scheduled publishing (the plugin's job runner) from the start, not from
  // the first request Next serves.
  const payload = await getPayload({ config, cron: true })

  if (shouldSeed(dev) && !(await databaseHasContent(payload))) {
    const result = await seedPiece({ payload })
    logLine('info', { msg: 'seeded the piece into the empty database', ...result })
    // Its first related-coverage link, as a claim and our fact-check of it.
    const check = await seedFactCheck({ payload })
    logLine('info', { msg: 'seeded the fact-check of the claim the piece links to', ...check })
    if (dev) {
      const accounts = await seedDemoAccounts(payload)
      logLine('info', { msg: 'created demo accounts (see README)', accounts })
    }
  }

  const benchReference = benchReferenceEnabled()
  if (benchReference) {
    logLine('warn', { msg: 'benchmark reference route enabled (NEWSROOM_BENCH_REFERENCE=1)' })
  }

  const nextApp = next({ dev, dir: projectRoot, hostname: host, port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const pageCacheConfig = pageCacheSettings()
  const pageCache = pageCacheConfig.enabled
    ? sitePageCache({ payload, settings: pageCacheConfig })
    : undefined
  const apiCacheConfig = apiCacheSettings()
  const apiCache = apiCacheConfig.enabled
    ? siteApiCache({
        maxBodyBytes: settings.maxBodyBytes,
        payload,
        policy: pageCacheConfig.policy,
        settings: apiCacheConfig,
      })
    : undefined

  const { shutdown, url } = await startServer({
    fallback: (req, res) => handle(req, res),
    // Anonymous readers' pages, the delivery API (published articles from ready bytes, and its
    // misses, partners, redirects and 404s) and API answers, ahead of express.
    first: [pageCache?.handler, deliveryFastPath({ payload }), apiCache?.handler].filter(
      (handler) => !!handler,
    ),
    host,
    onUpgrade: dev ? nextApp.getUpgradeHandler() : undefined,
    payload,
    port,
    routes: [
      ...(benchReference ? [benchReferenceRouter({ payload })] : []),
      // A changed slug's old URL: a 301 to the story's page, before Next's 404.
      redirectRouter({ payload, policy: pageCacheConfig.policy }),
    ],
    settings,
  })
  pageCache?.setOrigin(url)
  apiCache?.setOrigin(url)
  logLine('info', {
    msg: 'listening',
    admin: `${url}/admin`,
    api: `${url}/api`,
    mode: dev ? 'development' : 'production',
    url,
  })

  const stop = (signal: NodeJS.Signals) => {
    logLine('info', {
      msg: 'shutting down',
      drainMs: settings.shutdownDrainMs,
      signal,
      timeoutMs: settings.shutdownTimeoutMs,
    })
    // Should closing the database or Next hang, the process still ends, a little after its
    // timeout, and says so.
    setTimeout(() => {
      logLine('error', { msg: 'shutdown did not finish in time: exiting' })
      flushLog()
      process.exit(1)
    }, settings.shutdownTimeoutMs + 5000).unref()
    let finished = true
    shutdown()
      .then((clean) => {
        finished = clean
        return nextApp.close()
      })
      .then(
        () => {
          if (finished) {
            logLine('info', { msg: 'stopped' })
          } else {
            logLine('warn', { msg: 'stopped; requests still running at the timeout were cut' })
          }
          flushLog()
          process.exit(0)
        },
        (error: unknown) => {
          logLine('error', { msg: 'shutdown failed', error: String(error) })
          flushLog()
          process.exit(1)
        },
      )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
