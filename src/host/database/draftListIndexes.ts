import type { MongooseAdapter } from '@payloadcms/db-mongodb'

import type { SchemaHookArgs } from './parentIndexes'

type IndexBuilder = (name: string) => { on: (...columns: never[]) => unknown }

/**
 * The admin's list of stories, and `GET /api/articles?draft=true`, read the versions table:
 * `latest = true`, newest first by the story's `updatedAt` (or `publishedAt`, the collection's
 * default sort), then by the version's `createdAt`, Payload's tie-break. Payload indexes each of
 * those columns alone, so at 100,000 stories the database took every latest version through the
 * `latest` index and sorted them all for each page of ten. An index on the three in that order
 * reads the first ten and stops. Only the newsroom's stories have drafts.
 */
export const DRAFT_LIST_INDEXES = [
  {
    collection: 'articles',
    mongo: { latest: 1, 'version.updatedAt': -1, createdAt: -1 },
    name: '_articles_v_latest_updated_at_idx',
    sql: ['latest', 'version_updatedAt', 'createdAt'],
    table: '_articles_v',
  },
  {
    collection: 'articles',
    mongo: { latest: 1, 'version.publishedAt': -1, createdAt: -1 },
    name: '_articles_v_latest_published_at_idx',
    sql: ['latest', 'version_publishedAt', 'createdAt'],
    table: '_articles_v',
  },
] as const

/** The drizzle adapters' schema hook, so migrations and development pushes both carry them. */
export const indexDraftLists =
  (index: IndexBuilder) =>
  <Args extends { schema: unknown }>(args: Args): Args['schema'] => {
    const { extendTable, schema } = args as unknown as SchemaHookArgs
    for (const { name, sql, table } of DRAFT_LIST_INDEXES) {
      if (!(table in schema.tables)) continue
      extendTable({
        extraConfig: (columns) => ({
          [name]: index(name).on(...sql.map((column) => columns[column] as never)),
        }),
        table: schema.tables[table] as never,
      })
    }
    return args.schema
  }

/**
 * MongoDB has no schema migrations: the same indexes are created once the connection opens
 * (a no-op when they exist), on the versions collections Payload's adapter already modelled.
 */
export const createDraftListIndexesMongo = async (adapter: MongooseAdapter): Promise<void> => {
  for (const { collection, mongo, name } of DRAFT_LIST_INDEXES) {
    await adapter.versions[collection]?.collection.createIndex(mongo, { name })
  }
}
