import type { Where } from 'payload'

import { notEmbargoed } from 'payload-plugin-newsroom'

/**
 * Feeds read as an anonymous reader (`overrideAccess: false`, no user), so access rules already
 * hide drafts and embargoed stories; the explicit conditions keep that true for an app that
 * loosens `read` on articles.
 */
export const publishedArticles = (...conditions: Where[]): Where => ({
  and: [{ _status: { equals: 'published' } }, notEmbargoed(), ...conditions],
})
