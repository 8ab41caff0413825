import type { GlobalConfig } from 'payload'

export const DELIVERY_STATE_SLUG = 'newsroom-delivery-state'

/**
 * One row holding the content generation: a token replaced whenever anything a delivered
 * article shows is written. Instances sharing the database compare it with the token they last
 * saw, which is how a publish on one instance reaches the caches of all the others without a
 * message bus. Internal: not in the admin, not readable or writable over the API.
 */
export const deliveryStateGlobal = (): GlobalConfig => ({
  slug: DELIVERY_STATE_SLUG,
  // No versions are kept; refusing their doors too keeps the adapter from being asked for them.
  access: { read: () => false, readVersions: () => false, update: () => false },
  admin: { hidden: true },
  fields: [{ name: 'generation', type: 'text' }],
  graphQL: false,
  lockDocuments: false,
})
