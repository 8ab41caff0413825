import type { RelationshipFieldValidation } from 'payload'

import { relationship } from 'payload/shared'

type RelationValue = number | string | { id?: number | string; value?: number | string }

const idOf = (item: RelationValue): number | string | undefined => {
  if (typeof item === 'object' && item !== null) {
    return item.value ?? item.id
  }
  return item
}

export const validateRelatedCoverage: RelationshipFieldValidation = (value, options) => {
  const { maxRows } = options as { maxRows?: number }
  const items = (Array.isArray(value) ? value : []) as RelationValue[]
  if (typeof maxRows === 'number' && items.length > maxRows) {
    return `Related coverage lists at most ${maxRows} items.`
  }
  const seen = new Set<string>()
  for (const item of items) {
    const id = String(idOf(item))
    if (seen.has(id)) {
      return 'Each related story can be listed only once.'
    }
    seen.add(id)
  }
  return relationship(value, options)
}
