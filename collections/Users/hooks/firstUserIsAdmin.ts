import type { FieldHook } from 'payload'

/** Whoever creates the very first account must be able to manage everyone after them. */
export const firstUserIsAdmin: FieldHook = async ({ collection, operation, req, value }) => {
  if (operation !== 'create' || !collection) {
    return value
  }
  const { totalDocs } = await req.payload.count({ collection: collection.slug, req })
  return totalDocs === 0 ? ['admin'] : value
}
