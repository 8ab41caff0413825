/** Staff-only fields, wherever a populated document carries them. */
const INTERNAL_KEYS = new Set(['_status', 'editorialNotes', 'stage', 'verifiedAt', 'verifiedBy'])

/**
 * A copy of `value` without internal fields at any depth. The delivery shape is built from
 * whitelists already; this covers what it passes through whole (the Lexical body, whose
 * relationship, upload and block nodes can hold populated documents), so a field added to a
 * collection later cannot reach the public through it.
 */
export const withoutInternalFields = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(withoutInternalFields)
  }
  if (!value || typeof value !== 'object') {
    return value
  }
  const copy: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if (INTERNAL_KEYS.has(key)) {
      continue
    }
    if (key === 'verification' && child && typeof child === 'object') {
      // A quote's verification is public only as its status; notes are for staff.
      copy[key] = { status: (child as { status?: unknown }).status ?? null }
      continue
    }
    copy[key] = withoutInternalFields(child)
  }
  return copy
}
