import type { FlattenedField, Payload } from 'payload'

import { blocksOf } from './blocksOf'
import { collectionOf } from './collectionOf'

/**
 * What a `where` path names: a collection's ids, a field, a reference that may point into one
 * of several collections (`doc`, or its `doc.value` and `doc.relationTo`), or nothing this
 * guard understands.
 */
export type QueryTarget =
  | { collection: string; kind: 'id' }
  | { field: FlattenedField; kind: 'field' }
  | { collections: string[]; kind: 'reference'; part: 'relationTo' | 'value' | 'whole' }
  /** A path that goes on past a join field: no adapter can follow it (SQL fails on it). */
  | { join: string; kind: 'throughJoin' }
  | null

const ARRAY_INDEX = /^\d+$/

/**
 * Follows a query path (`hero.image`, `bylines.author`, `quotes.speaker.name`, and for versions
 * `version.headline` and `parent`) through groups, arrays, blocks and relationships to what it
 * names. Null for anything else: Payload's own path validation answers for unknown paths, and
 * what sits inside JSON and rich text is the adapter's business.
 */
export const resolveQueryPath = (
  payload: Payload,
  collection: string,
  path: string,
): QueryTarget => {
  const config = collectionOf(payload, collection)?.config
  if (!config) {
    return null
  }
  let segments = path.split('.')
  let fields: FlattenedField[] = config.flattenedFields
  let current = collection
  const named = (name: string) => fields.find((field) => 'name' in field && field.name === name)
  // Versions queries name the document's fields under `version.` and the document as `parent`.
  if (config.versions && !named(segments[0])) {
    if (segments[0] === 'parent' && segments.length === 1) {
      return { collection: current, kind: 'id' }
    }
    if (segments[0] === 'version') {
      segments = segments.slice(1)
    }
  }
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1
    if (ARRAY_INDEX.test(segment)) {
      continue
    }
    const field = named(segment)
    if (!field) {
      return segment === 'id' && last ? { collection: current, kind: 'id' } : null
    }
    const polymorphic =
      (field.type === 'relationship' || field.type === 'upload') && Array.isArray(field.relationTo)
    if (polymorphic) {
      const collections = field.relationTo as string[]
      if (last) {
        return { collections, kind: 'reference', part: 'whole' }
      }
      const part = segments[index + 1]
      return index + 1 === segments.length - 1 && (part === 'value' || part === 'relationTo')
        ? { collections, kind: 'reference', part }
        : null
    }
    if (last) {
      return { field, kind: 'field' }
    }
    switch (field.type) {
      case 'array':
      case 'group':
      case 'tab':
        fields = field.flattenedFields
        break
      case 'blocks':
        fields = blocksOf(field, payload).flatMap((block) => block.flattenedFields)
        break
      case 'join':
        return { join: segments.slice(0, index + 1).join('.'), kind: 'throughJoin' }
      case 'relationship':
      case 'upload': {
        const related =
          typeof field.relationTo === 'string' ? collectionOf(payload, field.relationTo) : undefined
        if (!related) {
          return null
        }
        current = related.config.slug
        fields = related.config.flattenedFields
        break
      }
      default:
        return null
    }
  }
  return null
}
