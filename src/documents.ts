import type { Role } from './access/roles'

/**
 * The plugin's own documents as its hooks, endpoints and delivery code read them. They hold
 * only what the plugin itself relies on, so the plugin never depends on a host's generated
 * types (which it cannot know); a host's `payload-types.ts` stays the full, exact shape.
 */

/** A document id: an integer on SQLite and PostgreSQL, an ObjectId string on MongoDB. */
export type Id = number | string

/** A relationship as read: the id at depth 0, the document when populated, null when gone. */
export type Relation<T extends { id: Id }> = Id | T

/** Draft or live, as Payload's versions store it. */
export type PublishStatus = 'draft' | 'published'

/** The text of a Lexical body as stored: a root node and its children. */
export type LexicalBody = {
  [key: string]: unknown
  root: { [key: string]: unknown; children: unknown[] }
}

export type NewsroomUser = {
  email?: string
  id: Id
  name?: null | string
  roles?: null | Role[]
}

export type NewsroomMedia = {
  alt?: null | string
  caption?: null | string
  credit?: null | string
  id: Id
  url?: null | string
}

export type NewsroomPerson = {
  id: Id
  isOrganization?: boolean | null
  kind?: 'contributor' | 'source' | 'staff' | null
  name?: string
  slug?: null | string
  updatedAt?: string
}

export type NewsroomQuote = {
  id: Id
  label?: null | string
  medium?: null | string
  sourceOutlet?: null | string
  speaker?: {
    name?: null | string
    organization?: null | string
    person?: null | Relation<NewsroomPerson>
    title?: null | string
  } | null
  text?: null | string
  updatedAt?: string
  verification?: {
    notes?: null | string
    status?: 'disputed' | 'unverified' | 'verified' | null
    verifiedAt?: null | string
    verifiedBy?: null | Relation<NewsroomUser>
  } | null
}

export type NewsroomCase = {
  caption?: string
  citation?: null | string
  decidedAt?: null | string
  follows?: null | Relation<NewsroomCase>[]
  id: Id
  overrules?: null | Relation<NewsroomCase>[]
  slug?: null | string
  status?: null | string
  statusSetByEditor?: boolean | null
  updatedAt?: string
}

export type NewsroomRelatedStory = {
  article?: null | Relation<NewsroomArticle>
  dek?: null | string
  headline?: null | string
  id: Id
  outlet?: null | string
  publishedAt?: null | string
  url?: null | string
}

export type NewsroomCorrection = {
  at?: null | string
  id?: null | string
  text?: string
  type?: 'clarification' | 'correction' | 'update'
}

/** A section or a topic: public taxonomy with its own page on the site. */
export type NewsroomTaxonomyTerm = {
  description?: null | string
  id: Id
  name?: string
  slug?: null | string
}

export type NewsroomByline = {
  author?: null | Relation<NewsroomUser>
  credit?: null | string
  id?: null | string
  name?: null | string
  person?: null | Relation<NewsroomPerson>
}

export type NewsroomArticle = {
  _status?: null | PublishStatus
  body?: LexicalBody | null
  bylines?: NewsroomByline[] | null
  cases?: null | Relation<NewsroomCase>[]
  corrections?: NewsroomCorrection[] | null
  createdAt?: string
  dek?: null | string
  firstPublishedAt?: null | string
  headline?: string
  id: Id
  publishedAt?: null | string
  quotes?: null | Relation<NewsroomQuote>[]
  relatedCoverage?: null | Relation<NewsroomRelatedStory>[]
  section?: null | Relation<NewsroomTaxonomyTerm>
  revisedAt?: null | string
  slug?: null | string
  /** Where the story is on the desk: pitch, drafting, editing (review), … published. */
  stage?: null | string
  topics?: null | Relation<NewsroomTaxonomyTerm>[]
  updatedAt?: string
}

/** The plugin's collections by slug, with the document shape it reads from each. */
export type NewsroomDocuments = {
  articles: NewsroomArticle
  cases: NewsroomCase
  media: NewsroomMedia
  people: NewsroomPerson
  quotes: NewsroomQuote
  'related-stories': NewsroomRelatedStory
  sections: NewsroomTaxonomyTerm
  topics: NewsroomTaxonomyTerm
  users: NewsroomUser
}
