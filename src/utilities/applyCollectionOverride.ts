import type { CollectionConfig } from 'payload'

import type { CollectionOverride } from '../types'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Object settings (`admin`, `access`, `upload`, `versions`…) merge one level deep, so overriding
 * `upload.staticDir` keeps the plugin's image sizes; anything else replaces the default.
 */
export const applyCollectionOverride = (
  collection: CollectionConfig,
  override: CollectionOverride | undefined,
): CollectionConfig => {
  if (!override) {
    return collection
  }
  const { fields: fieldsOverride, ...settings } = override
  const merged: Record<string, unknown> = { ...collection }
  for (const [key, value] of Object.entries(settings)) {
    const current = merged[key]
    merged[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value
  }
  return {
    ...(merged as CollectionConfig),
    fields: fieldsOverride
      ? fieldsOverride({ defaultFields: collection.fields })
      : collection.fields,
  }
}
