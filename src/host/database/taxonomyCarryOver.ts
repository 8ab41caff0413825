import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { collectionSlugs, slugify } from 'payload-plugin-newsroom'

/**
 * Sections and topics were free text on the article; they are records now. This carries every
 * stored value over: each distinct name becomes one record (names that make the same slug, such
 * as "Asylum" and "asylum ", are one record, spelled as first met), existing records with that
 * slug or name are reused, and each story and version points at its records in the old order.
 * The SQL migrations and the MongoDB start-up step share it; only reading and writing differ.
 */

type Id = number | string

/** What one stored story or version said, before the change. */
export type LegacyTerms = { section: null | string; topics: string[] }

type TermKind = typeof collectionSlugs.sections | typeof collectionSlugs.topics

/** As a record's name: spaces collapsed, and cut to the 120 characters a name may have. */
const cleanName = (name: string): string => name.replace(/\s+/g, ' ').trim().slice(0, 120).trim()

/** The key names are merged by: their slug, or the name itself when it makes none ("???"). */
const mergeKey = (name: string): string => slugify(name) || `name:${name.toLowerCase()}`

export type TermIds = {
  section: (name: null | string) => Id | null
  topics: (names: string[]) => Id[]
}

/** Finds a section or topic by name or slug, and creates one: the two doors a carry-over needs. */
export type TermStore = {
  create: (collection: TermKind, name: string, slug: string) => Promise<Id>
  find: (collection: TermKind, name: string, slug: string | undefined) => Promise<Id | undefined>
}

/** Through the Local API, with the hooks: MongoDB's start-up step, on the current schema. */
const localApiTerms = (payload: Payload, req: Partial<PayloadRequest> | undefined): TermStore => ({
  create: async (collection, name, slug) =>
    (
      await payload.create({
        collection: collection as CollectionSlug,
        data: { name, slug },
        depth: 0,
        req,
      })
    ).id,
  find: async (collection, name, slug) => {
    const { docs } = await payload.find({
      collection: collection as CollectionSlug,
      depth: 0,
      limit: 1,
      pagination: false,
      req,
      where: { or: [{ name: { equals: name } }, ...(slug ? [{ slug: { equals: slug } }] : [])] },
    })
    return docs[0]?.id
  },
})

const ensureTerms = async (
  store: TermStore,
  collection: TermKind,
  names: string[],
): Promise<Map<string, Id>> => {
  const ids = new Map<string, Id>()
  for (const raw of names) {
    const name = cleanName(raw)
    const key = mergeKey(name)
    if (!name || ids.has(key)) {
      continue
    }
    const slug = slugify(name) || undefined
    const found = await store.find(collection, name, slug)
    if (found !== undefined) {
      ids.set(key, found)
      continue
    }
    // A name with no letters or digits still needs a URL: its record gets a numbered slug.
    const fallback = `${collection === 'sections' ? 'section' : 'topic'}-${ids.size + 1}`
    ids.set(key, await store.create(collection, name, slug ?? fallback))
  }
  return ids
}

/** Creates (or finds) the records for every name the stories use, and maps names to them. */
export const termRecords = async (
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  stored: LegacyTerms[],
  store: TermStore = localApiTerms(payload, req),
): Promise<TermIds> => {
  const sections = await ensureTerms(
    store,
    collectionSlugs.sections,
    stored.flatMap((terms) => (terms.section ? [terms.section] : [])),
  )
  const topics = await ensureTerms(
    store,
    collectionSlugs.topics,
    stored.flatMap((terms) => terms.topics),
  )
  const idOf = (map: Map<string, Id>, name: string) => map.get(mergeKey(cleanName(name)))
  return {
    section: (name) => (name && cleanName(name) ? (idOf(sections, name) ?? null) : null),
    topics: (names) => {
      const seen = new Set<string>()
      return names.flatMap((name) => {
        const id = cleanName(name) ? idOf(topics, name) : undefined
        if (id === undefined || seen.has(String(id))) {
          return []
        }
        seen.add(String(id))
        return [id]
      })
    },
  }
}

/** Drizzle's `sql` tag of the migration's own adapter, and a way to run what it builds. */
type SqlTag = (strings: TemplateStringsArray, ...values: unknown[]) => unknown
export type SqlIo = {
  query: (statement: unknown) => Promise<Record<string, unknown>[]>
  sql: SqlTag
}

/** The tables one side (stories, or their versions) keeps the old and new values in. */
const sides = [
  {
    rels: 'articles_rels',
    section: 'section',
    table: 'articles',
    texts: 'articles_texts',
    topics: 'topics',
  },
  {
    rels: '_articles_v_rels',
    section: 'version_section',
    table: '_articles_v',
    texts: '_articles_v_texts',
    topics: 'version.topics',
  },
] as const

type Side = (typeof sides)[number]

const readSide = async ({ query, sql }: SqlIo, side: Side) => {
  const raw = sql as unknown as { raw: (text: string) => unknown }
  const identifier = (name: string) => raw.raw(`"${name}"`)
  const rows = new Map<string, { id: Id } & LegacyTerms>()
  const row = (id: unknown) => {
    const key = String(id)
    if (!rows.has(key)) {
      rows.set(key, { id: id as Id, section: null, topics: [] })
    }
    return rows.get(key)!
  }
  for (const found of await query(
    sql`SELECT "id", ${identifier(side.section)} AS "section" FROM ${identifier(side.table)} WHERE ${identifier(side.section)} IS NOT NULL`,
  )) {
    row(found.id).section = String(found.section)
  }
  for (const found of await query(
    sql`SELECT "parent_id", "text" FROM ${identifier(side.texts)} WHERE "path" = ${side.topics} AND "text" IS NOT NULL ORDER BY "parent_id", "order"`,
  )) {
    row(found.parent_id).topics.push(String(found.text))
  }
  return [...rows.values()]
}

/**
 * SQLite and PostgreSQL: reads the old columns (`section`, the `topics` rows of the texts
 * tables) of stories and versions, and writes the new ones (`section_id`, `topics_id` rows of the
 * rels tables). Runs inside the migration, after the new columns exist and before the old go.
 */
export const carryOverTaxonomySql = async (
  io: SqlIo,
  { payload, req }: { payload: Payload; req?: Partial<PayloadRequest> },
): Promise<{ sections: number; stories: number; topics: number }> => {
  const { query, sql } = io
  const raw = sql as unknown as { raw: (text: string) => unknown }
  const identifier = (name: string) => raw.raw(`"${name}"`)
  const read = await Promise.all(sides.map((side) => readSide(io, side)))
  // In SQL, not the Local API: this runs inside an older migration, and Payload would read and
  // write every column the records have now (a section's place in the navigation, for one).
  const sqlTerms: TermStore = {
    create: async (collection, name, slug) => {
      const now = new Date().toISOString()
      const [row] = await query(
        sql`INSERT INTO ${identifier(collection)} ("name", "slug", "updated_at", "created_at") VALUES (${name}, ${slug}, ${now}, ${now}) RETURNING "id"`,
      )
      return row.id as Id
    },
    find: async (collection, name, slug) => {
      const [row] = await query(
        sql`SELECT "id" FROM ${identifier(collection)} WHERE "name" = ${name} OR "slug" = ${slug ?? name} LIMIT 1`,
      )
      return row?.id as Id | undefined
    },
  }
  const ids = await termRecords(payload, req, read.flat(), sqlTerms)
  let stories = 0
  for (const [index, side] of sides.entries()) {
    for (const stored of read[index]) {
      const section = ids.section(stored.section)
      if (section !== null) {
        await query(
          sql`UPDATE ${identifier(side.table)} SET ${identifier(`${side.section}_id`)} = ${section} WHERE "id" = ${stored.id}`,
        )
      }
      for (const [order, topic] of ids.topics(stored.topics).entries()) {
        await query(
          sql`INSERT INTO ${identifier(side.rels)} ("order", "parent_id", "path", "topics_id") VALUES (${order + 1}, ${stored.id}, ${side.topics}, ${topic})`,
        )
      }
      stories += index === 0 ? 1 : 0
    }
  }
  const count = async (table: string) =>
    Number((await query(sql`SELECT COUNT(*) AS "n" FROM ${identifier(table)}`))[0]?.n ?? 0)
  return { sections: await count('sections'), stories, topics: await count('topics') }
}

/**
 * The way back, for `migrate:down`: names into the old columns and texts rows again, from the
 * records the stories point at. Runs before the new columns are dropped.
 */
export const restoreTaxonomyTextSql = async ({ query, sql }: SqlIo): Promise<void> => {
  const raw = sql as unknown as { raw: (text: string) => unknown }
  const identifier = (name: string) => raw.raw(`"${name}"`)
  for (const side of sides) {
    await query(
      sql`UPDATE ${identifier(side.table)} SET ${identifier(side.section)} = (SELECT "name" FROM "sections" WHERE "sections"."id" = ${identifier(side.table)}.${identifier(`${side.section}_id`)})`,
    )
    await query(
      sql`INSERT INTO ${identifier(side.texts)} ("order", "parent_id", "path", "text") SELECT "r"."order", "r"."parent_id", ${side.topics}, "t"."name" FROM ${identifier(side.rels)} "r" JOIN "topics" "t" ON "t"."id" = "r"."topics_id" WHERE "r"."path" = ${side.topics}`,
    )
    await query(sql`DELETE FROM ${identifier(side.rels)} WHERE "path" = ${side.topics}`)
  }
}
