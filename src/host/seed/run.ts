// Must stay the first import: it loads .env before the config reads process.env.
import '../server/env'

import { getPayload } from 'payload'

import config from '../../../payload.config'
import { seedDemoAccounts } from './seedDemoAccounts'
import { seedFactCheck, seedPiece } from './seedPiece'
import { runScript } from '../utilities/runScript'

/** `npm run seed [-- --force]`: seeds the piece; --force seeds into a database with content. */
const main = async () => {
  const force = process.argv.includes('--force')
  const payload = await getPayload({ config })
  try {
    const result = await seedPiece({ force, payload })
    if (result.status === 'seeded') {
      console.log(`[newsroom] Seeded the piece: /api/articles?where[slug][equals]=${result.slug}`)
      const check = await seedFactCheck({ payload })
      console.log(`[newsroom] Seeded its fact-check: /news/${check.slug}`)
    } else {
      console.log(`[newsroom] Seed skipped: ${result.reason}.`)
    }
    if (process.env.NODE_ENV !== 'production') {
      const accounts = await seedDemoAccounts(payload)
      if (accounts.length > 0) {
        console.log(`[newsroom] Created demo accounts: ${accounts.join(', ')} (see README)`)
      }
    }
  } finally {
    await payload.destroy()
  }
}

runScript(main)
