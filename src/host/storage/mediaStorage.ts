import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

import { checkBucket } from './checkBucket'
import { deleteOnceCommitted } from './deleteOnceCommitted'
import { dropStorageLocation } from './dropStorageLocation'
import { replaceOnceCommitted } from './replaceOnceCommitted'
import { sweepOrphanObjects } from './orphanSweep'
import type { S3Settings } from './s3Settings'

const MEDIA = 'media'
const HOUR_MS = 60 * 60 * 1000

export type MediaStorageOptions = {
  /** From `s3Settings()`; undefined keeps files on the local disk. */
  settings: S3Settings | undefined
  /** How often each instance sweeps (and once, shortly after start). @default 1 h */
  sweepIntervalMs?: number
}

/**
 * Payload's storage-s3 on the `media` collection. Always installed, enabled only with a
 * bucket, so the tables (its `prefix` and `_objectKey` columns, in the migrations) and the
 * admin's import map are the same with and without S3; enabled, storage-s3 leaves `prefix` out
 * of the config, and the column stays empty. Files are served through Payload's
 * `/api/media/file/<name>` (proxied from the bucket by whichever instance is asked), so every
 * URL the site, ninjs and feeds print is the same as on the local disk and the bucket may stay
 * private.
 */
export const mediaStorage = ({
  settings,
  sweepIntervalMs = HOUR_MS,
}: MediaStorageOptions): Plugin => {
  const storage = s3Storage({
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? '',
    collections: { [MEDIA]: true },
    config: settings?.config ?? {},
    enabled: Boolean(settings),
  })
  return async (incoming: Config): Promise<Config> => {
    const config = await storage(incoming)
    const collections = (config.collections ?? []).map((collection) => {
      if (collection.slug !== MEDIA) {
        return collection
      }
      const hooks = {
        ...collection.hooks,
        beforeOperation: [dropStorageLocation, ...(collection.hooks?.beforeOperation ?? [])],
      }
      const afterDelete = collection.hooks?.afterDelete ?? []
      if (!settings || afterDelete.length === 0) {
        return { ...collection, hooks }
      }
      // storage-s3 appended its own hooks last: the ones that upload and delete the objects.
      const deleteObjects = afterDelete[afterDelete.length - 1] as CollectionAfterDeleteHook
      const afterChange = collection.hooks?.afterChange ?? []
      const uploadObjects = afterChange[afterChange.length - 1] as CollectionAfterChangeHook
      return {
        ...collection,
        hooks: {
          ...hooks,
          afterChange: [
            ...afterChange.slice(0, -1),
            replaceOnceCommitted(uploadObjects, deleteObjects),
          ],
          afterDelete: [...afterDelete.slice(0, -1), deleteOnceCommitted(deleteObjects)],
        },
      }
    })
    if (!settings) {
      return { ...config, collections }
    }
    const previousInit = config.onInit
    return {
      ...config,
      collections,
      onInit: async (payload) => {
        await checkBucket(settings)
        await previousInit?.(payload)
        const sweep = () =>
          sweepOrphanObjects({
            collection: MEDIA,
            graceMs: settings.orphanGraceMs,
            payload,
            settings,
          })
            .then(({ checked, deleted }) =>
              payload.logger.info({
                checked,
                deleted,
                msg: 'swept media objects without a record',
              }),
            )
            .catch((err: unknown) => payload.logger.error({ err, msg: 'orphan sweep failed' }))
        // Shortly after start (after a crash, the likeliest moment for an orphan), then
        // regularly; the timers never keep a process alive.
        setTimeout(sweep, Math.min(5_000, sweepIntervalMs)).unref()
        setInterval(sweep, sweepIntervalMs).unref()
      },
    }
  }
}
