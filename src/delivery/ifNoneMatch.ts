const ENTITY_TAG = /(?:W\/)?("[^"]*")/g

/**
 * Whether an If-None-Match header matches the current tag: `*`, or any tag in the list under
 * the weak comparison RFC 9110 prescribes for it (`W/"x"` matches `"x"`).
 */
export const ifNoneMatchMatches = (header: null | string | undefined, etag: string): boolean => {
  if (!header) {
    return false
  }
  if (header.trim() === '*') {
    return true
  }
  const opaque = etag.replace(/^W\//, '')
  for (const [, tag] of header.matchAll(ENTITY_TAG)) {
    if (tag === opaque) {
      return true
    }
  }
  return false
}
