/** Collection slugs are part of the public API (REST paths, GraphQL names): never rename them. */
export const collectionSlugs = {
  activity: 'activity',
  articles: 'articles',
  cases: 'cases',
  claims: 'claims',
  editorialComments: 'editorial-comments',
  media: 'media',
  notifications: 'notifications',
  people: 'people',
  quotes: 'quotes',
  relatedStories: 'related-stories',
  sections: 'sections',
  topics: 'topics',
  users: 'users',
} as const
