import type { Endpoint, Where } from 'payload'

import type { Id, NewsroomArticle } from '../../../src/documents'

import { Forbidden, NotFound } from 'payload'

import { hasRole, roles } from '../../../src/access/roles'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { relationId, relationIds, sameId } from '../../../src/utilities/ids'

type Candidate = NewsroomArticle

const MAX_CANDIDATES = 100
const MAX_SUGGESTIONS = 10

/** A shared case says more about a story than a shared quote, and both more than a topic. */
const WEIGHTS = { cases: 3, quotes: 2, topics: 1 }

const shared = (mine: Id[], theirs: unknown[] | null | undefined) =>
  relationIds(theirs).filter((id) => mine.some((other) => sameId(other, id))).length

/**
 * GET /api/articles/:id/related-suggestions — published stories that share cases, quotes or
 * topics with this one, best first, leaving out itself and what it already lists. Staff only.
 */
export const relatedSuggestionsEndpoint: Endpoint = {
  handler: async (req) => {
    if (!hasRole(req.user, ...roles)) {
      throw new Forbidden(req.t)
    }
    const id = req.routeParams?.id as Id
    const article = (await req.payload.findByID({
      collection: collectionSlugs.articles,
      depth: 1,
      disableErrors: true,
      draft: true,
      id,
      req,
    })) as NewsroomArticle | null
    if (!article) {
      throw new NotFound(req.t)
    }
    const cases = relationIds(article.cases)
    const quotes = relationIds(article.quotes)
    const topics = relationIds(article.topics)
    const listed = (article.relatedCoverage ?? [])
      .map((item) => (typeof item === 'object' ? relationId(item.article) : undefined))
      .filter((target): target is Id => target !== undefined)

    const overlap: Where[] = [
      ...(cases.length ? [{ cases: { in: cases } }] : []),
      ...(quotes.length ? [{ quotes: { in: quotes } }] : []),
      ...(topics.length ? [{ topics: { in: topics } }] : []),
    ]
    if (overlap.length === 0) {
      return Response.json({ docs: [] })
    }
    const { docs } = await req.payload.find({
      collection: collectionSlugs.articles,
      depth: 0,
      limit: MAX_CANDIDATES,
      pagination: false,
      req,
      sort: '-publishedAt',
      where: {
        and: [
          { _status: { equals: 'published' } },
          { id: { not_in: [id, ...listed] } },
          { or: overlap },
        ],
      },
    })

    const suggestions = (docs as Candidate[])
      .map((candidate) => {
        const why = {
          cases: shared(cases, candidate.cases),
          quotes: shared(quotes, candidate.quotes),
          topics: shared(topics, candidate.topics),
        }
        const score =
          why.cases * WEIGHTS.cases + why.quotes * WEIGHTS.quotes + why.topics * WEIGHTS.topics
        return {
          dek: candidate.dek ?? null,
          headline: candidate.headline,
          id: candidate.id,
          publishedAt: candidate.publishedAt ?? null,
          score,
          shared: why,
          slug: candidate.slug ?? null,
        }
      })
      .filter((suggestion) => suggestion.score > 0)
      // Stable sort: equal scores keep the newest-first order of the query.
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_SUGGESTIONS)

    return Response.json({ docs: suggestions })
  },
  method: 'get',
  path: '/:id/related-suggestions',
}
