import type { Payload } from 'payload'

import { PRESERVE_PUBLISHING_DATES, relationId, relationIds } from 'payload-plugin-newsroom'
import { loadDeliveryArticle } from 'payload-plugin-newsroom/delivery'
import { syntheticArticle } from './corpus'
import { lexicalBody } from './lexicalBody'

/**
 * Keys and value types, recursively: what must match, whatever the ids and dates are. An array
 * is the set of its items' shapes: how many articles cite a case (a join) is data, not shape.
 */
export const shapeOf = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    const shapes = new Map(value.map(shapeOf).map((shape) => [JSON.stringify(shape), shape]))
    return [...shapes.keys()].sort().map((key) => shapes.get(key))
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]),
    )
  }
  return value === null ? 'null' : typeof value
}

/** The first path at which two shapes differ, or null. */
export const shapeDifference = (left: unknown, right: unknown, path = '$'): null | string => {
  if (typeof left !== 'object' || typeof right !== 'object' || !left || !right) {
    return left === right ? null : `${path}: ${JSON.stringify(left)} vs ${JSON.stringify(right)}`
  }
  if (Array.isArray(left) !== Array.isArray(right)) {
    return `${path}: array vs object`
  }
  const keys = new Set([...Object.keys(left), ...Object.keys(right)])
  for (const key of keys) {
    const difference = shapeDifference(
      (left as Record<string, unknown>)[key],
      (right as Record<string, unknown>)[key],
      `${path}.${key}`,
    )
    if (difference) {
      return difference
    }
  }
  return null
}

const readAsReader = async (payload: Payload, slug: string) => {
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 2,
    limit: 1,
    overrideAccess: false,
    where: { slug: { equals: slug } },
  })
  return docs[0]
}

const readVersion = async (payload: Payload, id: number | string) => {
  const { docs } = await payload.findVersions({
    collection: 'articles',
    depth: 0,
    where: { parent: { equals: id } },
  })
  return docs
}

/**
 * Writes synthetic article 0 a second time through the Local API, with every hook, then reads
 * both copies back as an anonymous reader would (REST's depth 2, the delivery render, and the
 * versions) and fails unless they have the same shape. Removes the second copy afterwards.
 */
export const verifySyntheticShape = async (payload: Payload, articles: number): Promise<void> => {
  const source = syntheticArticle(0, articles)
  const seeded = await readAsReader(payload, source.slug)
  if (!seeded) {
    throw new Error(`synthetic article ${source.slug} cannot be read back`)
  }
  const context = { [PRESERVE_PUBLISHING_DATES]: true }
  const created: { collection: 'articles' | 'quotes' | 'related-stories'; id: number | string }[] =
    []
  try {
    const quotes = []
    for (const quote of source.quotes) {
      const { id } = await payload.create({
        collection: 'quotes',
        data: {
          ...quote,
          verification: { notes: 'Internal: confirmed by phone.', status: 'verified' },
        },
        depth: 0,
      })
      created.push({ collection: 'quotes', id })
      quotes.push(id)
    }
    const caseIds = (seeded.cases ?? []).map((record) =>
      typeof record === 'object' ? record.id : record,
    )
    const related = []
    for (const item of source.related) {
      const data = 'article' in item ? { article: item.article + 1 } : item
      const { id } = await payload.create({
        collection: 'related-stories',
        context,
        data: data as never,
        depth: 0,
      })
      created.push({ collection: 'related-stories', id })
      related.push(id)
    }
    const slug = `${source.slug}-via-local-api`
    const article = await payload.create({
      collection: 'articles',
      context,
      data: {
        _status: 'published',
        body: lexicalBody(source.body, { cases: caseIds, quotes, seed: 0 }) as never,
        bylines: source.bylines.map((credit) => ({ credit })),
        corrections: source.correction ? [{ text: source.correction, type: 'correction' }] : [],
        dateline: source.dateline,
        dek: source.dek,
        editorialNotes: 'Internal: legal read before publication.',
        firstPublishedAt: source.publishedAt,
        headline: source.headline,
        publishedAt: source.publishedAt,
        relatedCoverage: related,
        // The seeded copy's section and topics: the same records.
        section: relationId(seeded.section) as number,
        slug,
        stage: 'ready',
        topics: relationIds(seeded.topics) as number[],
      },
      depth: 0,
    })
    created.push({ collection: 'articles', id: article.id })

    const checks: [string, unknown, unknown][] = [
      ['REST depth 2', seeded, await readAsReader(payload, slug)],
      [
        'delivery render',
        await loadDeliveryArticle({ payload, slug: source.slug }),
        await loadDeliveryArticle({ payload, slug }),
      ],
      ['versions', await readVersion(payload, seeded.id), await readVersion(payload, article.id)],
    ]
    for (const [what, bulk, real] of checks) {
      const difference = shapeDifference(shapeOf(bulk), shapeOf(real))
      if (difference) {
        throw new Error(
          `a bulk-seeded article reads back unlike a real one (${what}): ${difference}`,
        )
      }
    }
  } finally {
    for (const { collection, id } of created.reverse()) {
      await payload.delete({ collection, id })
    }
  }
}
