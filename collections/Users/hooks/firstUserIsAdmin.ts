import type { FieldHook } from 'payload'

/**
 * Whoever registers the very first account (the admin's create-first-user screen) must be able
 * to manage everyone after them. Accounts made in code keep the roles they were given.
 */
export const firstUserIsAdmin: FieldHook = async ({ collection, operation, req, value }) => {
  if (operation !== 'create' || !collection || req.user || req.payloadAPI === 'local') {
    return value
  }
  const { totalDocs } = await req.payload.count({ collection: collection.slug, req })
  return totalDocs === 0 ? ['admin'] : value
}
