/** A relationship value as an id, whether it came in as an id or populated. */
export const relationId = (value: unknown): number | string | undefined => {
  if (typeof value === 'number' || typeof value === 'string') {
    return value
  }
  if (value && typeof value === 'object' && 'id' in value) {
    return (value as { id: number | string }).id
  }
  return undefined
}

/** Ids compare as strings: integers on SQL adapters, ObjectId strings on MongoDB. */
export const sameId = (a: unknown, b: unknown): boolean => {
  const left = relationId(a)
  const right = relationId(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}

/** The ids of a hasMany relationship's value, in order, whatever shape each item came in. */
export const relationIds = (values: unknown): (number | string)[] =>
  (Array.isArray(values) ? values : [])
    .map(relationId)
    .filter((id): id is number | string => id !== undefined)
