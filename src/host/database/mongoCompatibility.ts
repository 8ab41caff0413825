import type { MongooseAdapter } from '@payloadcms/db-mongodb'

import { markWithoutLookup } from './refuseRelationshipSorts'

/**
 * FerretDB speaks MongoDB's wire protocol but has no `$lookup` stage (so no join or
 * relationship-sort aggregations). Detected from buildInfo, it gets the adapter's own fallbacks:
 * joins are resolved with separate queries. A real MongoDB server keeps every default.
 */
const ferretdbSettings = {
  usePipelineInSortLookup: false,
  useJoinAggregations: false,
} satisfies Partial<MongooseAdapter>

/**
 * FerretDB refuses `findAndModify` with a projection ("support for field \"fields\" … is not
 * implemented yet"): Payload counts a failed sign-in with `updateOne({ select })`, so every wrong
 * password answered 500. On FerretDB the update returns the whole document instead; callers
 * read only the fields they selected.
 */
const updateWithoutProjection = (adapter: MongooseAdapter) => {
  const updateOne = adapter.updateOne.bind(adapter)
  adapter.updateOne = (args) => updateOne(args.select ? { ...args, select: undefined } : args)
}

export const applyServerCompatibility = async (adapter: MongooseAdapter): Promise<void> => {
  const buildInfo = await adapter.connection.db?.admin().command({ buildInfo: 1 })
  if (buildInfo && 'ferretdbVersion' in buildInfo) {
    Object.assign(adapter, ferretdbSettings)
    updateWithoutProjection(adapter)
    markWithoutLookup(adapter)
    adapter.payload.logger.info(
      `FerretDB ${String(buildInfo.ferretdbVersion)} detected: joins run as separate queries instead of $lookup.`,
    )
  }
}
