import type { GlobalBeforeOperationHook, GlobalConfig } from 'payload'

import { invalidInput } from './inputErrors'
import { dottedPath, scanInput } from './scanInput'

/**
 * A global's update is checked as a collection's write is (see guardOperationArgs): nesting past
 * `maxDepth`, NUL characters, numbers JSON cannot hold and `__proto__` keys are a 400 naming the
 * field, before Payload copies the data (its recursive copy overflowed the stack on 5,000 levels,
 * a 500 on PostgreSQL).
 */
export const guardGlobalArgs =
  (maxDepth: number): GlobalBeforeOperationHook =>
  ({ args, global, operation, req }) => {
    if (operation !== 'update') {
      return args
    }
    const problem = scanInput((args as { data?: unknown }).data, maxDepth)
    if (problem) {
      throw invalidInput(
        [{ message: problem.message, path: dottedPath(problem.path) || 'data' }],
        req,
        global.slug,
      )
    }
    return args
  }

/** The guard first among the global's own hooks. */
export const withGlobalInputGuard =
  (maxDepth: number) =>
  <T extends GlobalConfig>(global: T): T => ({
    ...global,
    hooks: {
      ...global.hooks,
      beforeOperation: [guardGlobalArgs(maxDepth), ...(global.hooks?.beforeOperation ?? [])],
    },
  })
