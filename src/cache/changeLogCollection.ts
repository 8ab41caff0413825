import type { CollectionConfig } from 'payload'

export const CHANGE_LOG_SLUG = 'newsroom-changes'

/** No door reads or writes it: the server appends and reads through the database adapter. */
const nobody = () => false

/**
 * The change log: one row per write of anything a delivered article or page shows, holding the
 * surrogate keys it touched (see `changeLog.ts`). Instances sharing the database read it to
 * purge their caches, which is how a publish on one reaches all of them without a message bus.
 * Internal: not in the admin, not readable or writable over REST or GraphQL.
 */
export const changeLogCollection = (): CollectionConfig => ({
  slug: CHANGE_LOG_SLUG,
  access: {
    create: nobody,
    delete: nobody,
    read: nobody,
    readVersions: nobody,
    unlock: nobody,
    update: nobody,
  },
  admin: { hidden: true },
  disableDuplicate: true,
  fields: [
    // A random token chosen by the writer: known before the insert, so the append is one
    // statement that returns nothing, and no two instances can pick the same one.
    { name: 'id', type: 'text', required: true },
    { name: 'keys', type: 'json', required: true },
  ],
  graphQL: false,
  lockDocuments: false,
  // `createdAt` (indexed by Payload) is what readers query on; see `readChanges`.
  timestamps: true,
})
