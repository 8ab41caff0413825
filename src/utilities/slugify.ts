const MAX_SLUG_LENGTH = 120

/** "Sessions overturns asylum precedent" → "sessions-overturns-asylum-precedent". */
export const slugify = (input: unknown): string => {
  if (typeof input !== 'string') {
    return ''
  }
  const slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_SLUG_LENGTH) {
    return slug
  }
  const cut = slug.slice(0, MAX_SLUG_LENGTH)
  // Cut at a word boundary so a long headline does not end in half a word.
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
