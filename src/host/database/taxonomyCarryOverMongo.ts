import type { Payload } from 'payload'

import { termRecords, type LegacyTerms } from './taxonomyCarryOver'

type Model = {
  find: (filter: object) => { lean: () => Promise<Record<string, unknown>[]> }
  updateOne: (filter: object, update: object) => Promise<unknown>
}

type MongoDb = {
  collections: Record<string, Model>
  // The adapter's own mongoose, so the app needs no mongoose import of its own.
  connection: { base: { Types: { ObjectId: new (id: string) => unknown } } }
  versions: Record<string, Model>
}

/** Relationship values are ObjectIds on MongoDB: a string there is the old free text. */
const legacyFilter = (prefix: string) => ({
  $or: [
    { [`${prefix}section`]: { $type: 'string' } },
    { [`${prefix}topics`]: { $elemMatch: { $type: 'string' } } },
  ],
})

const legacyOf = (doc: Record<string, unknown> | undefined): LegacyTerms => ({
  section: typeof doc?.section === 'string' ? doc.section : null,
  topics: Array.isArray(doc?.topics)
    ? doc.topics.filter((topic): topic is string => typeof topic === 'string')
    : [],
})

/**
 * MongoDB has no schema migrations: stories and versions stored before sections and topics
 * became records still hold their names as strings. Run at start-up, this turns them into
 * records and references (the same merge as the SQL migrations); once done it finds nothing, so
 * it is safe to run on every start. Values already references are kept, in place.
 */
export const carryOverTaxonomyMongo = async (payload: Payload): Promise<{ stories: number }> => {
  if (payload.db.name !== 'mongoose') {
    return { stories: 0 }
  }
  const db = payload.db as unknown as MongoDb
  const stories = await db.collections.articles.find(legacyFilter('')).lean()
  const versions = await db.versions.articles.find(legacyFilter('version.')).lean()
  if (stories.length === 0 && versions.length === 0) {
    return { stories: 0 }
  }
  const read = [
    ...stories.map((doc) => ({ doc, prefix: '', terms: legacyOf(doc) })),
    ...versions.map((doc) => ({
      doc,
      prefix: 'version.',
      terms: legacyOf(doc.version as Record<string, unknown>),
    })),
  ]
  const ids = await termRecords(
    payload,
    undefined,
    read.map(({ terms }) => terms),
  )
  const objectId = (id: number | string) => new db.connection.base.Types.ObjectId(String(id))
  for (const { doc, prefix, terms } of read) {
    const holder = (prefix ? doc.version : doc) as Record<string, unknown>
    const section = ids.section(terms.section)
    const kept = Array.isArray(holder.topics)
      ? holder.topics.filter((topic) => typeof topic !== 'string')
      : []
    const model = prefix ? db.versions.articles : db.collections.articles
    await model.updateOne(
      { _id: doc._id },
      {
        $set: {
          ...(typeof holder.section === 'string'
            ? { [`${prefix}section`]: section === null ? null : objectId(section) }
            : {}),
          [`${prefix}topics`]: [...kept, ...ids.topics(terms.topics).map(objectId)],
        },
      },
    )
  }
  return { stories: stories.length }
}
