import type { Collection, Payload } from 'payload'

/**
 * A collection by a slug that came from a request or a field's `relationTo`: typed as any
 * string here, since the plugin does not know the host's generated slugs.
 */
export const collectionOf = (payload: Payload, slug: string): Collection | undefined =>
  (payload.collections as Record<string, Collection | undefined>)[slug]
