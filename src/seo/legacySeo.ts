import type { Payload } from 'payload'

import { collectionSlugs } from '../collectionSlugs'

/**
 * Up to 0.2 articles had their own unused `seo` group (`seo.title`, `seo.description`); the
 * plugin now uses @payloadcms/plugin-seo's `meta` group. What editors typed is carried over:
 * the SQL migrations call `carryOverLegacySeoSql` between adding `meta_*` and dropping `seo_*`;
 * on MongoDB, which has no migrations, `carryOverLegacySeoMongo` runs on start. Both leave a
 * `meta` value an editor has set since alone, and both can run any number of times.
 */
const SQL_TABLES = [
  { prefix: '', table: 'articles' },
  { prefix: 'version_', table: '_articles_v' },
] as const

/** Statements valid in SQLite and PostgreSQL alike (double-quoted identifiers). */
export const legacySeoStatements = (): string[] =>
  SQL_TABLES.flatMap(({ prefix, table }) =>
    (['title', 'description'] as const).map(
      (field) =>
        `UPDATE "${table}" SET "${prefix}meta_${field}" = "${prefix}seo_${field}" ` +
        `WHERE "${prefix}seo_${field}" IS NOT NULL AND "${prefix}meta_${field}" IS NULL`,
    ),
  )

/** Runs the carry-over through a migration's own executor (`db.run` or `db.execute`). */
export const carryOverLegacySeoSql = async (
  run: (statement: string) => Promise<unknown>,
): Promise<void> => {
  for (const statement of legacySeoStatements()) {
    await run(statement)
  }
}

/**
 * The driver's collection under a Mongoose model: the model's own methods would strip the
 * `seo` paths the schema no longer has (strict mode), so they could neither find nor unset them.
 */
type MongoModel = {
  collection: {
    find: (filter: object) => { toArray: () => Promise<Record<string, unknown>[]> }
    updateOne: (filter: object, update: object) => Promise<unknown>
  }
}

/** One document's update: old values into `meta` where it has none, then the old group gone. */
const mongoUpdate = (doc: Record<string, unknown>, path: '' | 'version.') => {
  const holder = (path ? (doc.version as Record<string, unknown> | undefined) : doc) ?? {}
  const seo = (holder.seo ?? {}) as Record<string, unknown>
  const meta = (holder.meta ?? {}) as Record<string, unknown>
  const set: Record<string, unknown> = {}
  for (const field of ['title', 'description']) {
    if (typeof seo[field] === 'string' && seo[field] !== '' && !meta[field]) {
      set[`${path}meta.${field}`] = seo[field]
    }
  }
  return {
    ...(Object.keys(set).length > 0 ? { $set: set } : {}),
    $unset: { [`${path}seo`]: '' },
  }
}

/** The key-value store's record that the carry-over has run on this database. */
export const LEGACY_SEO_DONE = 'newsroom:carried-over:legacy-seo'

/** Counts of documents carried over, for the start-up log and tests. */
export type LegacySeoResult = { documents: number; versions: number }

/** MongoDB: the same carry-over through the adapter's models, for articles and their versions. */
export const carryOverLegacySeoMongo = async (payload: Payload): Promise<LegacySeoResult> => {
  const db = payload.db as unknown as {
    collections?: Record<string, MongoModel>
    name?: string
    versions?: Record<string, MongoModel>
  }
  const result: LegacySeoResult = { documents: 0, versions: 0 }
  if (db.name !== 'mongoose') {
    return result
  }
  // Each start would otherwise scan every article and version for the old group: once done,
  // Payload's key-value store remembers it.
  if (await payload.kv.get(LEGACY_SEO_DONE)) {
    return result
  }
  const targets = [
    { key: 'documents', model: db.collections?.[collectionSlugs.articles], path: '' },
    { key: 'versions', model: db.versions?.[collectionSlugs.articles], path: 'version.' },
  ] as const
  for (const { key, model, path } of targets) {
    if (!model) continue
    const docs = await model.collection.find({ [`${path}seo`]: { $exists: true } }).toArray()
    for (const doc of docs) {
      await model.collection.updateOne({ _id: doc._id }, mongoUpdate(doc, path))
      result[key] += 1
    }
  }
  await payload.kv.set(LEGACY_SEO_DONE, { at: new Date().toISOString() })
  if (result.documents + result.versions > 0) {
    payload.logger.info(
      `Carried the old SEO fields of ${result.documents} articles and ${result.versions} versions over to meta.`,
    )
  }
  return result
}
