import type { CollectionConfig, Field } from 'payload'

import { dataFieldNames } from './dataFieldNames'

/**
 * A site's own collection with the newsroom's fields it lacks, and the newsroom's hooks after
 * its own. The fields it already has stay as the site made them, and none of those added is
 * required: records the site made before, and the site's code that makes more, stay valid.
 */
export const withMissingFields = (
  collection: CollectionConfig,
  fields: Field[],
  hooks: CollectionConfig['hooks'] = {},
): CollectionConfig => {
  const present = dataFieldNames(collection.fields)
  const missing = fields
    .filter((field) => !('name' in field) || !present.has(field.name))
    .map((field) => ('required' in field && field.required ? { ...field, required: false } : field))
  const ownHooks = collection.hooks ?? {}
  const addedHooks = Object.fromEntries(
    Object.entries(hooks).map(([name, list]) => [
      name,
      [...((ownHooks as Record<string, unknown[]>)[name] ?? []), ...(list as unknown[])],
    ]),
  )
  return {
    ...collection,
    fields: [...collection.fields, ...(missing as Field[])],
    hooks: { ...ownHooks, ...addedHooks },
  }
}
