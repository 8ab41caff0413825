import { getPayload } from 'payload'

import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadEnv } from '../server/loadEnv'
import { seedPiece } from './seedPiece'

/** `npm run seed [-- --force]`: seeds the piece; --force seeds into a database with content. */
const main = async () => {
  loadEnv(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'))
  // Imported only now, so values from .env reach the config.
  const { default: config } = await import('../../payload.config')
  const force = process.argv.includes('--force')
  const payload = await getPayload({ config })
  try {
    const result = await seedPiece({ force, payload })
    if (result.status === 'seeded') {
      console.log(`[newsroom] Seeded the piece: /api/articles?where[slug][equals]=${result.slug}`)
    } else {
      console.log(`[newsroom] Seed skipped: ${result.reason}.`)
    }
  } finally {
    await payload.destroy()
  }
}

// No top-level await: a tsx script that awaits getPayload at top level can exit 13 at random.
// Exit once stdout has drained: a piped stdout is asynchronous and would lose the last line.
const exitWhenFlushed = (code: number) => process.stdout.write('', () => process.exit(code))

main().then(
  () => exitWhenFlushed(0),
  (error: unknown) => {
    console.error(error)
    exitWhenFlushed(1)
  },
)
