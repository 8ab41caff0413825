import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadEnv } from './loadEnv'

/** The project root: where `.env`, `data/` and the Next app live. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

// Imported first by entry points, so `.env` is read before any module reads process.env.
loadEnv(projectRoot)
