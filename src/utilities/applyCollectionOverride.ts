import type { CollectionConfig } from 'payload'

import type { CollectionOverride } from '../types'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Each kind of hook: the plugin's first, then the site's. */
const appendHooks = (
  own: Record<string, unknown>,
  added: Record<string, unknown>,
): Record<string, unknown> => {
  const merged: Record<string, unknown> = { ...own }
  for (const [name, list] of Object.entries(added)) {
    const current = merged[name]
    merged[name] =
      Array.isArray(current) && Array.isArray(list) ? [...current, ...list] : (list ?? current)
  }
  return merged
}

/**
 * Object settings (`admin`, `access`, `upload`, `versions`…) merge one level deep, so overriding
 * `upload.staticDir` keeps the plugin's image sizes; anything else replaces the default. Hooks
 * are added after the plugin's, never instead of them: the newsroom's rules (who may publish,
 * what a live story shows) are hooks too, and an override must not switch them off.
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
    if (key === 'hooks' && isPlainObject(current) && isPlainObject(value)) {
      merged[key] = appendHooks(current, value)
      continue
    }
    merged[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value
  }
  return {
    ...(merged as CollectionConfig),
    fields: fieldsOverride
      ? fieldsOverride({ defaultFields: collection.fields })
      : collection.fields,
  }
}
