import type { CollectionSlug, Field } from 'payload'

/**
 * A copy of `fields` in which the relationship at `path` (names joined by dots, through groups)
 * may also point at `slug`: how the newsroom's stories join a collection another plugin made
 * for the site's own documents (its redirects, its search results).
 */
export const addRelationTarget = (fields: Field[], path: string, slug: string): Field[] => {
  const [name, ...rest] = path.split('.')
  return fields.map((field) => {
    if (!('name' in field) || field.name !== name) {
      return field
    }
    if (rest.length > 0) {
      return 'fields' in field && Array.isArray(field.fields)
        ? ({ ...field, fields: addRelationTarget(field.fields, rest.join('.'), slug) } as Field)
        : field
    }
    if (field.type !== 'relationship' && field.type !== 'upload') {
      return field
    }
    const targets: string[] = Array.isArray(field.relationTo)
      ? field.relationTo
      : [field.relationTo]
    if (targets.includes(slug)) {
      return field
    }
    // A relationship to one collection stores a bare id; to several, `{ relationTo, value }`.
    // Turning the first into the second would change how the site's records are stored, so
    // only a relationship that already points at several collections is widened.
    return Array.isArray(field.relationTo)
      ? ({ ...field, relationTo: [...targets, slug] as CollectionSlug[] } as Field)
      : field
  })
}
