import fs from 'node:fs'
import path from 'node:path'

/** Reads `.env` from the project root, as Next does, before anything looks at process.env. */
export const loadEnv = (root: string): void => {
  const file = path.join(root, '.env')
  if (fs.existsSync(file)) {
    process.loadEnvFile(file)
  }
}
