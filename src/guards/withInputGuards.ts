import type { CollectionConfig } from 'payload'

import type { InputGuardOptions } from './guardOperationArgs'

import { answerInputErrors } from './answerInputErrors'
import { answerMissingFile } from './answerMissingFile'
import { closedDoors } from './closedDoors'
import { guardOperationArgs } from './guardOperationArgs'

/**
 * Nested deeper than this, a write's data or a query's `where` is refused: Payload walks
 * input recursively and overflows the stack a few thousand levels down; a story's Lexical body
 * nests two levels per list level.
 */
export const DEFAULT_MAX_INPUT_DEPTH = 100

/**
 * Makes bad input on the newsroom's collections a 4xx naming the problem that writes nothing,
 * never a 5xx: ids, bodies, fields and queries checked before anything else runs, the errors
 * Payload's REST handlers raise on bad input answered as such, and 404s for the doors a
 * collection does not have and the files that are not there.
 */
export const withInputGuards =
  ({ maxInputDepth = DEFAULT_MAX_INPUT_DEPTH }: { maxInputDepth?: number } = {}) =>
  (collection: CollectionConfig): CollectionConfig => {
    const options: InputGuardOptions = { maxDepth: maxInputDepth }
    const hooks = collection.hooks ?? {}
    return {
      ...collection,
      endpoints:
        collection.endpoints === false
          ? false
          : [...closedDoors(collection), ...(collection.endpoints ?? [])],
      hooks: {
        ...hooks,
        afterError: [...(hooks.afterError ?? []), answerInputErrors],
        // First, so that no other hook (nor access, nor the database) sees input it cannot take.
        beforeOperation: [guardOperationArgs(options), ...(hooks.beforeOperation ?? [])],
      },
      upload: collection.upload
        ? {
            ...(collection.upload === true ? {} : collection.upload),
            handlers: [
              ...((collection.upload !== true && collection.upload.handlers) || []),
              answerMissingFile,
            ],
          }
        : collection.upload,
    }
  }
