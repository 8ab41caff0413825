import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import {
  carryOverLegacySeoMongo,
  carryOverLegacySeoSql,
  LEGACY_SEO_DONE,
} from '../src/seo/legacySeo'
import { startTestPayload, type TestPayload } from './helpers/payload'

/**
 * The old, unused `seo` group of articles (`seo.title`, `seo.description`) gave way to
 * plugin-seo's `meta` group: what editors typed there is carried over, on every database (the
 * SQL migrations call the same statements this runs; MongoDB runs its step on start), into the
 * live documents and their versions, never over a `meta` value an editor set since, and a
 * second run changes nothing.
 */

type Db = {
  collections: Record<string, any>
  drizzle: unknown
  execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown>
  name: string
  versions: Record<string, any>
}

let ctx: TestPayload
let db: Db
const ids: Record<'both' | 'descriptionOnly' | 'editorSet' | 'none', number | string> = {
  both: 0,
  descriptionOnly: 0,
  editorSet: 0,
  none: 0,
}

const OLD = {
  both: { description: 'Old description one', title: 'Old title one' },
  descriptionOnly: { description: 'Old description two' },
  editorSet: { description: 'Old description three', title: 'Old title three' },
} as const

const isMongo = () => db.name === 'mongoose'
const sql = (raw: string) => db.execute({ drizzle: db.drizzle, raw })
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`

/** Writes the old group the way the 0.2 schema stored it, live document and versions alike. */
const storeOld = async (id: number | string, values: { description?: string; title?: string }) => {
  if (isMongo()) {
    // The driver's collections: the models would strip paths their schema no longer has.
    const { Types } = await import('mongoose')
    const _id = new Types.ObjectId(String(id))
    await db.collections.articles.collection.updateOne({ _id }, { $set: { seo: values } })
    await db.versions.articles.collection.updateMany(
      { parent: _id },
      { $set: { 'version.seo': values } },
    )
    return
  }
  const set = (prefix: string) =>
    (['title', 'description'] as const)
      .filter((field) => values[field])
      .map((field) => `"${prefix}seo_${field}" = ${quote(values[field] as string)}`)
      .join(', ')
  await sql(`UPDATE "articles" SET ${set('')} WHERE "id" = ${Number(id)}`)
  await sql(`UPDATE "_articles_v" SET ${set('version_')} WHERE "parent_id" = ${Number(id)}`)
}

const carryOver = () =>
  isMongo() ? carryOverLegacySeoMongo(ctx.payload) : carryOverLegacySeoSql((raw) => sql(raw))

const metaOf = async (id: number | string) =>
  (await ctx.payload.findByID({ collection: 'articles', depth: 0, id })).meta ?? {}

const latestVersionMeta = async (id: number | string) => {
  const { docs } = await ctx.payload.findVersions({
    collection: 'articles',
    depth: 0,
    limit: 1,
    sort: '-updatedAt',
    where: { parent: { equals: id } },
  })
  return docs[0].version.meta ?? {}
}

/** How many live articles have a meta title, and a meta description. */
const counts = async () => {
  const { docs } = await ctx.payload.find({
    collection: 'articles',
    depth: 0,
    pagination: false,
    select: { meta: true },
  })
  return {
    descriptions: docs.filter((doc) => doc.meta?.description).length,
    titles: docs.filter((doc) => doc.meta?.title).length,
  }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  db = ctx.payload.db as unknown as Db
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const created = await ctx.payload.create({
      collection: 'articles',
      data: {
        _status: 'published',
        headline: `Story ${key}`,
        stage: 'published',
        ...(key === 'editorSet' ? { meta: { title: 'The editor’s new title' } } : {}),
      },
    })
    ids[key] = created.id
  }
  if (!isMongo()) {
    // The 0.2 columns, as a database migrated up to the previous release still has them.
    for (const [table, prefix] of [
      ['articles', ''],
      ['_articles_v', 'version_'],
    ]) {
      await sql(`ALTER TABLE "${table}" ADD COLUMN "${prefix}seo_title" varchar`)
      await sql(`ALTER TABLE "${table}" ADD COLUMN "${prefix}seo_description" varchar`)
    }
  }
  await storeOld(ids.both, OLD.both)
  await storeOld(ids.descriptionOnly, OLD.descriptionOnly)
  await storeOld(ids.editorSet, OLD.editorSet)
  // A database from the previous release never ran the carry-over; this one did at start-up
  // (on MongoDB), before the old values were written above.
  await ctx.payload.kv.delete(LEGACY_SEO_DONE)
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('carrying the old seo fields over to meta', () => {
  it('moves every value into meta, live and in versions, keeping what editors set since', async () => {
    expect(await counts()).toEqual({ descriptions: 0, titles: 1 })
    const result = await carryOver()
    expect(await counts()).toEqual({ descriptions: 3, titles: 2 })
    if (isMongo()) {
      // Each article's live document and each of its versions that had the group.
      expect(result).toEqual({ documents: 3, versions: 3 })
    }
    expect(await metaOf(ids.both)).toMatchObject(OLD.both)
    const descriptionOnly = await metaOf(ids.descriptionOnly)
    expect(descriptionOnly.description).toBe(OLD.descriptionOnly.description)
    // Null on SQL, absent on MongoDB: no title either way.
    expect(descriptionOnly.title ?? null).toBeNull()
    expect(await metaOf(ids.editorSet)).toMatchObject({
      description: OLD.editorSet.description,
      title: 'The editor’s new title',
    })
    const none = await metaOf(ids.none)
    expect([none.description ?? null, none.title ?? null]).toEqual([null, null])
    expect(await latestVersionMeta(ids.both)).toMatchObject(OLD.both)
  })

  it('changes nothing when run again', async () => {
    const before = await Promise.all(Object.values(ids).map(metaOf))
    const result = await carryOver()
    if (isMongo()) {
      expect(result).toEqual({ documents: 0, versions: 0 })
      // The old group is gone from the stored documents.
      const { Types } = await import('mongoose')
      const raw = await db.collections.articles.collection.findOne({
        _id: new Types.ObjectId(String(ids.both)),
      })
      expect(raw.seo).toBeUndefined()
    }
    expect(await Promise.all(Object.values(ids).map(metaOf))).toEqual(before)
    expect(await counts()).toEqual({ descriptions: 3, titles: 2 })
  })

  it('on MongoDB, stops scanning the articles once it has run', async () => {
    if (!isMongo()) {
      // SQL databases carry the group over in a migration, which runs once by construction.
      expect(await ctx.payload.kv.get(LEGACY_SEO_DONE)).toBeNull()
      return
    }
    expect(await ctx.payload.kv.get(LEGACY_SEO_DONE)).not.toBeNull()
    // Old values written after the carry-over ran are not looked for: no scan on later starts.
    await storeOld(ids.none, { title: 'Written after' })
    expect(await carryOver()).toEqual({ documents: 0, versions: 0 })
    const { Types } = await import('mongoose')
    const raw = await db.collections.articles.collection.findOne({
      _id: new Types.ObjectId(String(ids.none)),
    })
    expect(raw.seo).toEqual({ title: 'Written after' })
  })
})
