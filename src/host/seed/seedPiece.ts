import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { PRESERVE_PUBLISHING_DATES, collectionSlugs, slugify } from 'payload-plugin-newsroom'
import { readPiece } from './piece'
import { pieceBody } from './pieceBody'
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

  const caseIds = new Map<string, number | string>()
  for (const { follows = [], overrules = [], ...record } of pieceCases) {
    const id = await upsert(
      payload,
      req,
      collectionSlugs.cases,
      { slug: { equals: record.slug } },
      {
        ...record,
        follows: follows.map((caption) => caseIds.get(caption)),
        overrules: overrules.map((caption) => caseIds.get(caption)),
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
      slug,
      // The piece went out in 2018: the desk is done with it.
      stage: 'published',
    },
  )

  return { articleId, slug, status: 'seeded' }
}
