import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { PRESERVE_PUBLISHING_DATES, collectionSlugs, slugify } from 'payload-plugin-newsroom'
import { paragraphsToLexical } from 'payload-plugin-newsroom/lexical'
import { factCheckArticle, factCheckClaim, factCheckClaimant } from './factCheckRecords'
import { readPiece } from './piece'
import { pieceBody } from './pieceBody'
import { pieceCaseJudges, piecePeople, type PiecePerson } from './piecePeople'
import { pieceArticle, pieceCases, pieceQuotes, pieceRelatedLinks } from './pieceRecords'

export type SeedResult =
  | { articleId: number | string; slug: string; status: 'seeded' }
  | { reason: string; status: 'skipped' }

type SeedPieceArgs = {
  /** Seed even though the database already has content; existing piece records are updated. */
  force?: boolean
  payload: Payload
}

const contentCollections: CollectionSlug[] = [
  collectionSlugs.articles,
  collectionSlugs.quotes,
  collectionSlugs.cases,
  collectionSlugs.relatedStories,
]

export const databaseHasContent = async (payload: Payload): Promise<boolean> => {
  for (const collection of contentCollections) {
    const { totalDocs } = await payload.count({ collection })
    if (totalDocs > 0) {
      return true
    }
  }
  return false
}

/** Creates the record matched by `where`, or updates it, so seeding twice leaves one copy. */
const upsert = async (
  payload: Payload,
  req: Partial<PayloadRequest>,
  collection: CollectionSlug,
  where: Where,
  data: Record<string, unknown>,
): Promise<number | string> => {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
    where,
  })
  const context = { [PRESERVE_PUBLISHING_DATES]: true }
  if (docs[0]) {
    await payload.update({ id: docs[0].id, collection, context, data, depth: 0, req })
    return docs[0].id
  }
  const created = await payload.create({ collection, context, data, depth: 0, req })
  return created.id
}

/** The piece's people, by name: one record each, however many quotes and cases name them. */
/** A story's section and topics are records with their own pages, found again by slug. */
const seedTerms = async (
  payload: Payload,
  req: Partial<PayloadRequest>,
  names: { section: string; topics: readonly string[] },
): Promise<{ section: number | string; topics: (number | string)[] }> => {
  const term = (collection: CollectionSlug, name: string, data: Record<string, unknown> = {}) =>
    upsert(payload, req, collection, { slug: { equals: slugify(name) } }, { name, ...data })
  // First in the site's navigation, so a fresh install's header leads to the piece's desk.
  const section = await term(collectionSlugs.sections, names.section, { navigationPosition: 1 })
  const topics: (number | string)[] = []
  for (const name of names.topics) {
    topics.push(await term(collectionSlugs.topics, name))
  }
  return { section, topics }
}

const seedPeople = async (
  payload: Payload,
  req: Partial<PayloadRequest>,
  people: PiecePerson[],
): Promise<Map<string, number | string>> => {
  const ids = new Map<string, number | string>()
  for (const person of people) {
    const slug = slugify(person.name)
    ids.set(
      person.name,
      await upsert(
        payload,
        req,
        collectionSlugs.people,
        { slug: { equals: slug } },
        {
          ...person,
          slug,
        },
      ),
    )
  }
  return ids
}

/** Seeds the piece from ../shared/seeds/piece.txt as structured, linked content. */
export const seedPiece = async ({ force = false, payload }: SeedPieceArgs): Promise<SeedResult> => {
  if (!force && (await databaseHasContent(payload))) {
    return {
      reason: 'the database already has content (seed with --force to add the piece)',
      status: 'skipped',
    }
  }

  const piece = readPiece()
  const req: Partial<PayloadRequest> = {}

  const personIds = await seedPeople(payload, req, piecePeople)
  const personId = (name: string) => {
    const id = personIds.get(name)
    if (id === undefined) throw new Error(`the seed names "${name}" but has no person for them`)
    return id
  }

  const caseIds = new Map<string, number | string>()
  for (const { follows = [], overrules = [], ...record } of pieceCases) {
    const judge = pieceCaseJudges[record.caption]
    const parties = [
      ...(record.claimant ? [{ person: personId(record.claimant), role: 'claimant' }] : []),
      ...(record.counsel ? [{ person: personId(record.counsel), role: 'counsel' }] : []),
      ...(judge ? [{ person: personId(judge), role: 'judge' }] : []),
    ]
    const id = await upsert(
      payload,
      req,
      collectionSlugs.cases,
      { slug: { equals: record.slug } },
      {
        ...record,
        follows: follows.map((caption) => caseIds.get(caption)),
        overrules: overrules.map((caption) => caseIds.get(caption)),
        parties,
      },
    )
    caseIds.set(record.caption, id)
  }

  const quoteIds: (number | string)[] = []
  for (const { notes, status, ...quote } of pieceQuotes) {
    quoteIds.push(
      await upsert(
        payload,
        req,
        collectionSlugs.quotes,
        { text: { equals: quote.text } },
        {
          ...quote,
          speaker: { ...quote.speaker, person: personId(quote.speaker.name) },
          verification: { notes, status },
        },
      ),
    )
  }

  const relatedIds: (number | string)[] = []
  for (const [index, item] of piece.relatedCoverage.entries()) {
    relatedIds.push(
      await upsert(
        payload,
        req,
        collectionSlugs.relatedStories,
        { headline: { equals: item.headline } },
        { ...pieceRelatedLinks[index], ...item },
      ),
    )
  }

  const { section, topics } = await seedTerms(payload, req, pieceArticle)

  const slug = slugify(pieceArticle.headline)
  const articleId = await upsert(
    payload,
    req,
    collectionSlugs.articles,
    { slug: { equals: slug } },
    {
      ...pieceArticle,
      _status: 'published',
      body: pieceBody({ caseIds, paragraphs: piece.paragraphs, quoteIds }),
      cases: [...caseIds.values()],
      firstPublishedAt: pieceArticle.publishedAt,
      quotes: quoteIds,
      relatedCoverage: relatedIds,
      section,
      slug,
      topics,
      // The piece went out in 2018: the desk is done with it.
      stage: 'published',
    },
  )

  return { articleId, slug, status: 'seeded' }
}

/**
 * The piece's first related-coverage link as a claim with its check: the claimant, the claim,
 * and a published fact-check of ours rating it, listing the same related story. Run after
 * `seedPiece`; seeding again updates the same records.
 */
export const seedFactCheck = async ({
  payload,
}: {
  payload: Payload
}): Promise<{ articleId: number | string; claimId: number | string; slug: string }> => {
  const req: Partial<PayloadRequest> = {}
  const piece = readPiece()
  const [claimantId] = [...(await seedPeople(payload, req, [factCheckClaimant])).values()]
  const claimId = await upsert(
    payload,
    req,
    collectionSlugs.claims,
    { text: { equals: factCheckClaim.text } },
    { ...factCheckClaim, claimant: claimantId, sourceUrl: pieceRelatedLinks[0].url },
  )
  const related = await payload.find({
    collection: collectionSlugs.relatedStories,
    depth: 0,
    limit: 1,
    req,
    where: { headline: { equals: piece.relatedCoverage[0].headline } },
  })
  const { paragraphs, rating, ...article } = factCheckArticle
  const { section, topics } = await seedTerms(payload, req, article)
  const slug = slugify(article.headline)
  const articleId = await upsert(
    payload,
    req,
    collectionSlugs.articles,
    { slug: { equals: slug } },
    {
      ...article,
      _status: 'published',
      body: paragraphsToLexical(paragraphs),
      factCheck: { claim: claimId, rating },
      firstPublishedAt: article.publishedAt,
      relatedCoverage: related.docs.map((doc) => doc.id),
      section,
      slug,
      topics,
    },
  )
  return { articleId, claimId, slug }
}
