import { getPayload } from 'payload'
import config from '../../payload.config'
import { seedSynthetic } from '../../scripts/bench/seedSynthetic'
import { measureHookShare } from '../../scripts/bench/hookShare'
const payload = await getPayload({ config })
await seedSynthetic({ articles: 300, payload })
const rows = await measureHookShare({ payload, reads: 40 })
console.log(JSON.stringify(rows, null, 1))
await payload.destroy()
process.exit(0)
