import type {
  CollectionAfterReadHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  GlobalAfterReadHook,
  GlobalConfig,
  GlobalBeforeOperationHook,
  Payload,
  PayloadRequest,
  SanitizedCollectionConfig,
  SanitizedGlobalConfig,
} from 'payload'

import {
  invalidateDeliveryAfterChange,
  invalidateDeliveryAfterDelete,
} from '../delivery/invalidationHooks'
import { invalidateFrontPageAfterChange } from '../globals/FrontPage/invalidateFrontPage'
import { apiReadOf, recordApiRead, refuseApiRead } from './apiReads'
import { apiListKey, documentKey, FRONT_PAGE_KEY } from './keys'

/**
 * Whether every change to the collection's records is announced through the change feed (the
 * delivery hooks): only then may an answer showing them be kept until a change names them.
 */
export const announcesChanges = (config: SanitizedCollectionConfig): boolean =>
  (config.hooks.afterChange ?? []).includes(invalidateDeliveryAfterChange) &&
  (config.hooks.afterDelete ?? []).includes(invalidateDeliveryAfterDelete)

/** A global's key when its changes are announced (the front page), else undefined. */
const announcedGlobalKey = (config: SanitizedGlobalConfig): string | undefined =>
  (config.hooks.afterChange ?? []).includes(invalidateFrontPageAfterChange)
    ? FRONT_PAGE_KEY
    : undefined

const refuse = refuseApiRead
const record = recordApiRead

/**
 * Instances where some collection or global was added without the hooks, with why: nothing of
 * theirs is recorded. Kept beside Payload's objects, never on them.
 */
const incomplete = new WeakMap<Payload, string>()

/**
 * Whether the request is one a host's cache is recording and the hooks should look at; an
 * instance whose reads cannot all be recorded refuses it here instead.
 */
const recording = (req: PayloadRequest): boolean => {
  if (!apiReadOf(req)) {
    return false
  }
  const reason = incomplete.get(req.payload)
  if (reason) {
    refuse(req, reason)
    return false
  }
  return true
}

/** `where: { id: { in: [...] } }` and nothing else: how Payload populates relationships. */
const onlyIds = (where: unknown): null | unknown[] => {
  if (!where || typeof where !== 'object' || Object.keys(where).length !== 1) {
    return null
  }
  const id = (where as { id?: unknown }).id
  if (!id || typeof id !== 'object' || Object.keys(id).length !== 1) {
    return null
  }
  const ids = (id as { in?: unknown }).in
  return Array.isArray(ids) ? ids : null
}

/**
 * The join fields' answers come from other collections: an answer showing them moves with
 * those collections' lists. A join into a collection whose changes are not announced keeps the
 * answer out unless the field is closed to this reader (the staff's discussion threads).
 */
const joinKeys = async (
  req: PayloadRequest,
  config: SanitizedCollectionConfig,
): Promise<{ keys: string[]; refused?: string }> => {
  const keys: string[] = []
  const joins = [...Object.values(config.joins ?? {}).flat(), ...(config.polymorphicJoins ?? [])]
  for (const { field } of joins) {
    for (const target of [field.collection].flat()) {
      const targetConfig = req.payload.collections[target]?.config
      if (targetConfig && announcesChanges(targetConfig)) {
        keys.push(apiListKey(target))
        continue
      }
      const closed = field.access?.read
        ? !(await field.access.read({ req } as Parameters<
            NonNullable<typeof field.access.read>
          >[0]))
        : false
      if (!closed) {
        return { keys, refused: `${config.slug}.${field.name} joins ${target}` }
      }
    }
  }
  return { keys }
}

/**
 * What an operation on a collection reads, recorded for the answer a host's API cache is
 * building (nothing happens for any other request): a record read by id names that record, a
 * read of given ids (relationship population) names each, any other list or count the
 * collection's list key; versions, drafts and every write keep the answer out of the cache.
 */
const recordOperation: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (!recording(req)) {
    return args
  }
  if (!announcesChanges(collection)) {
    refuse(req, `${collection.slug} does not announce its changes`)
    return args
  }
  const readArgs = args as { draft?: boolean; id?: number | string; where?: unknown }
  if (operation === 'read' || operation === 'count' || operation === 'readDistinct') {
    if (readArgs.draft) {
      // Draft saves are not announced: what a draft read shows may change unseen.
      refuse(req, `a draft read of ${collection.slug}`)
      return args
    }
    const ids = operation === 'read' ? onlyIds(readArgs.where) : null
    if (operation === 'read' && readArgs.id !== undefined) {
      record(req, [documentKey(collection.slug, readArgs.id)])
    } else if (ids) {
      record(
        req,
        ids.map((id) => documentKey(collection.slug, String(id))),
      )
    } else {
      record(req, [apiListKey(collection.slug)])
    }
    const joined = await joinKeys(req, collection)
    record(req, joined.keys)
    if (joined.refused) {
      refuse(req, joined.refused)
    }
    return args
  }
  refuse(req, `${operation} on ${collection.slug}`)
  return args
}

/** Each record an answer shows (populated relations included) names it. */
const recordRead: CollectionAfterReadHook = ({ collection, doc, req }) => {
  if (!apiReadOf(req)) {
    return doc
  }
  if (!announcesChanges(collection)) {
    refuse(req, `${collection.slug} does not announce its changes`)
  } else if (doc && (doc as { id?: unknown }).id !== undefined) {
    record(req, [documentKey(collection.slug, String((doc as { id: unknown }).id))])
  }
  return doc
}

const recordGlobalOperation: GlobalBeforeOperationHook = ({ args, global, operation, req }) => {
  if (!recording(req)) {
    return args
  }
  const key = announcedGlobalKey(global)
  const draft = Boolean((args as { draft?: boolean } | undefined)?.draft)
  if (operation !== 'read' || !key || draft) {
    refuse(req, `${operation} on the ${global.slug} global`)
  } else {
    record(req, [key])
  }
  return args
}

const recordGlobalRead: GlobalAfterReadHook = ({ doc, global, req }) => {
  const key = apiReadOf(req) ? announcedGlobalKey(global) : undefined
  if (key) {
    record(req, [key])
  } else if (apiReadOf(req)) {
    refuse(req, `the ${global.slug} global does not announce its changes`)
  }
  return doc
}

/**
 * Records what each read of the collection shows for a host's API cache: the keys of announced
 * records, and whether anything unannounced was met. Outside a recorded request each hook
 * returns at once. The plugin adds it to every collection the site's config has.
 */
export const withApiReadRecording = <T extends CollectionConfig>(collection: T): T => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterRead: [...(collection.hooks?.afterRead ?? []), recordRead],
    beforeOperation: [...(collection.hooks?.beforeOperation ?? []), recordOperation],
  },
})

/** As withApiReadRecording, for a global. */
export const withGlobalApiReadRecording = <T extends GlobalConfig>(global: T): T => ({
  ...global,
  hooks: {
    ...global.hooks,
    afterRead: [...(global.hooks?.afterRead ?? []), recordGlobalRead],
    beforeOperation: [...(global.hooks?.beforeOperation ?? []), recordGlobalOperation],
  },
})

/**
 * At start: a collection or global a later plugin added has no recording hooks, so an answer
 * that showed its records could not know to be purged. Then nothing of this instance is kept
 * (logged once); the fix is to list the newsroom plugin after the plugin that adds it.
 * Payload's own collections (`payload-*`) are left out: no reader may read them, so no
 * anonymous answer shows them.
 */
export const checkApiReadRecording = (payload: Payload): void => {
  const missing = [
    ...Object.values(payload.collections)
      .map(({ config }) => config)
      .filter(
        (config) =>
          !config.slug.startsWith('payload-') &&
          !(config.hooks.beforeOperation ?? []).includes(recordOperation),
      ),
    ...payload.config.globals.filter(
      (config) => !(config.hooks.beforeOperation ?? []).includes(recordGlobalOperation),
    ),
  ].map((config) => config.slug)
  if (missing.length > 0) {
    const reason = `${missing.join(', ')} added after the newsroom plugin: their reads are not recorded`
    incomplete.set(payload, reason)
    payload.logger.warn(
      `The API cache keeps nothing: ${reason}. List newsroomPlugin() after the plugins that add them.`,
    )
  }
}
