import type { MongooseAdapter } from '@payloadcms/db-mongodb'

/**
 * FerretDB speaks MongoDB's wire protocol but has no `$lookup` stage (so no join or
 * relationship-sort aggregations). Detected from buildInfo, it gets the adapter's own fallbacks:
 * joins are resolved with separate queries. A real MongoDB server keeps every default.
 */
const ferretdbSettings = {
  usePipelineInSortLookup: false,
  useJoinAggregations: false,
} satisfies Partial<MongooseAdapter>

export const applyServerCompatibility = async (adapter: MongooseAdapter): Promise<void> => {
  const buildInfo = await adapter.connection.db?.admin().command({ buildInfo: 1 })
  if (buildInfo && 'ferretdbVersion' in buildInfo) {
    Object.assign(adapter, ferretdbSettings)
    adapter.payload.logger.info(
      `FerretDB ${String(buildInfo.ferretdbVersion)} detected: joins run as separate queries instead of $lookup.`,
    )
  }
}
