import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

/** Payload's own timestamps: the server's record of when, never a client's claim. */
const serverTimestamps = ['createdAt', 'updatedAt'] as const

/**
 * Drops `createdAt` and `updatedAt` from what a client sends (REST, GraphQL, the admin, the
 * Local API with a user). A client's "x" was once stored and then broke every read of the
 * record. Code acting without a user (the seed, an import) may still carry real dates in.
 */
export const ignoreClientTimestamps: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const fromClient = Boolean(req.user) || req.payloadAPI !== 'local'
  const data = (args as { data?: unknown }).data
  if (
    !fromClient ||
    (operation !== 'create' && operation !== 'update') ||
    !data ||
    typeof data !== 'object'
  ) {
    return args
  }
  for (const name of serverTimestamps) {
    delete (data as Record<string, unknown>)[name]
  }
  return args
}

/** Puts the hook first on a collection, before anything reads the incoming data. */
export const withServerTimestamps = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [ignoreClientTimestamps, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
