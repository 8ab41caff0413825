import type { Where } from 'payload'

/**
 * Feeds read as an anonymous reader (`overrideAccess: false`, no user), so access rules already
 * hide drafts; the explicit condition keeps that true for an app that loosens `read` on articles.
 */
export const publishedArticles = (...conditions: Where[]): Where => ({
  and: [{ _status: { equals: 'published' } }, ...conditions],
})
