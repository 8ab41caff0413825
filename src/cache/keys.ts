import type { Id } from '../documents'

/**
 * Surrogate keys name what a cached response shows, so a change purges only what it touches.
 * One key per document, `<collection>:<id>`, and a few list keys for pages that show whatever is
 * newest (the front page, feeds, sitemaps), which any publish or unpublish moves.
 */
export const documentKey = (collection: string, id: Id | string | number): string =>
  `${collection}:${String(id)}`

/** Moved by every change to the set of live articles or to what lists show of them. */
export const ARTICLE_LIST_KEY = 'list:articles'

/** Moved when an editor changes the curated front page (its lead and slots). */
export const FRONT_PAGE_KEY = 'global:front-page'

/** Moved by every change to a case: the case sitemaps and precedent chains. */
export const CASE_LIST_KEY = 'list:cases'

/** Moved by every change to a person: the pages of people and authors not yet shown (404s). */
export const PEOPLE_LIST_KEY = 'list:people'

/** Moved by every change to a section: every page's header and footer list the sections. */
export const SECTION_LIST_KEY = 'list:sections'

/**
 * The articles citing a case: moved when an article starts or stops citing it, so the case's page
 * (its "our coverage" list) follows without purging every story that shows the case.
 */
export const caseCitationsKey = (caseId: Id | string | number): string =>
  `case-citations:${String(caseId)}`

/** Keys go into HTTP headers and Varnish's xkey index: no spaces or commas, nothing else odd. */
export const isValidKey = (key: string): boolean => /^[A-Za-z0-9:_.-]{1,200}$/.test(key)

/**
 * Moved by every change to any record of the collection: an API list or count of it (a quote
 * becoming live joins `GET /api/quotes`), and any answer showing a join into it.
 */
export const apiListKey = (collection: string): string => `api-list:${collection}`
