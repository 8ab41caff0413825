import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { CollectionBeforeOperationHook, Config, FlattenedField, Sort } from 'payload'

import { APIError } from 'payload'

/**
 * The sort path, if any, that Payload's MongoDB adapter would resolve with a `$lookup` stage: a
 * path that goes through a single-collection relationship or upload to a field of the related
 * record (`author.name`; `author.id` reads the stored id and needs no lookup).
 */
export const relationshipSortPath = (
  fields: FlattenedField[],
  sort: Sort | undefined,
): null | string => {
  for (const item of typeof sort === 'string' ? [sort] : (sort ?? [])) {
    if (typeof item !== 'string') continue
    const path = item.replace(/^-/, '').replace(/^version\./, '')
    const segments = path.split('.')
    let current = fields
    for (let i = 0; i < segments.length - 1; i++) {
      const field = current.find((each) => each.name === segments[i])
      if (!field) break
      if ('flattenedFields' in field) {
        current = field.flattenedFields
        continue
      }
      const lookedUp =
        (field.type === 'relationship' || field.type === 'upload') &&
        typeof field.relationTo === 'string' &&
        segments.slice(i + 1).join('.') !== 'id'
      if (lookedUp) return path
      break
    }
  }
  return null
}

/** The adapters connected to a server without `$lookup` (FerretDB), as found at connection. */
const withoutLookup = new WeakSet<object>()

/** Called when the connection finds a server without `$lookup`. */
export const markWithoutLookup = (adapter: MongooseAdapter): void => {
  withoutLookup.add(adapter)
}

/**
 * FerretDB has no `$lookup`, so a sort through a relationship failed inside the database and
 * answered 500 (found by the fuzzer on `sort=-recipient.value`). On such a server a read that
 * sorts that way is refused before the adapter with a 400 naming the path; every other sort,
 * and every other database, runs unchanged.
 */
const refuseRelationshipSort: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (
    (operation !== 'read' && operation !== 'readDistinct') ||
    !withoutLookup.has(req.payload.db)
  ) {
    return args
  }
  const { field, sort } = args as { field?: string; sort?: Sort }
  const path = relationshipSortPath(collection.flattenedFields, sort ?? field)
  if (path) {
    throw new APIError(
      `Sorting by "${path}" goes through a relationship, which this database cannot sort by. Sort by a field of the record itself.`,
      400,
      undefined,
      true,
    )
  }
  return args
}

/**
 * The app's last plugin, so it sees every collection the others added: each refuses a sort its
 * database cannot run.
 */
export const relationshipSortGuard = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseRelationshipSort, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
