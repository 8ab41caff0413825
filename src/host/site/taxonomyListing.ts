import type { Payload, Where } from 'payload'

import { collectionSlugs, SLUG_PATTERN } from 'payload-plugin-newsroom'
import { documentKey } from 'payload-plugin-newsroom/delivery'

import { publishedArticles } from './feeds/publishedArticles'
import { sectionPath, topicPath } from './paths'

/** How many stories one page of a section or topic lists. */
export const LISTING_PAGE_SIZE = 20

export type TaxonomyKind = 'sections' | 'topics'

export type TaxonomyTerm = {
  description: null | string
  id: number | string
  name: string
  slug: string
}

export const taxonomyPath = (kind: TaxonomyKind, slug: string): string =>
  kind === 'sections' ? sectionPath(slug) : topicPath(slug)

/** The term with this slug, as a reader may read it; null for anything else. */
export const findTerm = async (
  payload: Payload,
  kind: TaxonomyKind,
  slug: string,
): Promise<null | TaxonomyTerm> => {
  if (!SLUG_PATTERN.test(slug)) {
    return null
  }
  const { docs } = await payload.find({
    collection: collectionSlugs[kind],
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    where: { slug: { equals: slug } },
  })
  const term = docs[0]
  return term
    ? {
        description: term.description ?? null,
        id: term.id,
        name: term.name,
        slug: String(term.slug),
      }
    : null
}

/** The published stories filed under a term: the article field each kind of term lives in. */
export const storiesOf = (kind: TaxonomyKind, term: TaxonomyTerm): Where =>
  kind === 'sections' ? { section: { equals: term.id } } : { topics: { in: [term.id] } }

/** The surrogate key a term's page and feed send, besides the article list's. */
export const termKey = (kind: TaxonomyKind, term: TaxonomyTerm): string =>
  documentKey(collectionSlugs[kind], term.id)

/** One page of a term's published stories, newest first. A page past the last is empty. */
export const listStories = async (
  payload: Payload,
  kind: TaxonomyKind,
  term: TaxonomyTerm,
  page: number,
) =>
  payload.find({
    collection: collectionSlugs.articles,
    depth: 0,
    draft: false,
    limit: LISTING_PAGE_SIZE,
    overrideAccess: false,
    page,
    select: { dek: true, firstPublishedAt: true, headline: true, publishedAt: true, slug: true },
    sort: '-publishedAt',
    where: publishedArticles(storiesOf(kind, term)),
  })

/** `?page=` as a page number: 1 when absent; null when it is not a positive integer. */
export const pageNumber = (value: string | string[] | undefined): null | number => {
  if (value === undefined) {
    return 1
  }
  const text = Array.isArray(value) ? value[0] : value
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : null
}
