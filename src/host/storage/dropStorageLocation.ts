import type { CollectionBeforeOperationHook } from 'payload'

/** Where storage-s3 puts an object: `prefix/_objectKey/filename`. */
const LOCATION_FIELDS = ['prefix', '_objectKey'] as const

/**
 * The server decides where a file goes, never a client. Dropped before the operation runs,
 * because Payload picks a unique filename from the data as sent (before field access applies):
 * with a `prefix` of a client's own, a new upload could take an existing image's name and, once
 * the prefix was set aside, overwrite that image's object in the bucket.
 */
export const dropStorageLocation: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') {
    return args
  }
  const { data, overrideAccess } = args as {
    data?: Record<string, unknown>
    overrideAccess?: boolean
  }
  if (overrideAccess !== true && data && typeof data === 'object') {
    for (const field of LOCATION_FIELDS) {
      delete data[field]
    }
  }
  return args
}
