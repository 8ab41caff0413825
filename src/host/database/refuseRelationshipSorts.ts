import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { CollectionSlug, FlattenedField, Sort } from 'payload'

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

/**
 * FerretDB has no `$lookup`, so a sort through a relationship failed inside the database and
 * answered 500 (found by the fuzzer on `sort=-recipient.value`). The reads that sort that way
 * refuse it up front with a 400 naming the path; every other sort runs unchanged.
 */
export const refuseRelationshipSorts = (adapter: MongooseAdapter): void => {
  const refuse = (collection: string, sort: Sort | undefined) => {
    const config = adapter.payload.collections[collection as CollectionSlug]?.config
    const path = config && relationshipSortPath(config.flattenedFields, sort)
    if (path) {
      throw new APIError(
        `Sorting by "${path}" goes through a relationship, which this database cannot sort by. Sort by a field of the record itself.`,
        400,
        undefined,
        true,
      )
    }
  }
  const find = adapter.find.bind(adapter)
  adapter.find = (args) => {
    refuse(args.collection, args.sort)
    return find(args)
  }
  const queryDrafts = adapter.queryDrafts.bind(adapter)
  adapter.queryDrafts = (args) => {
    refuse(args.collection, args.sort)
    return queryDrafts(args)
  }
  const findDistinct = adapter.findDistinct.bind(adapter)
  adapter.findDistinct = (args) => {
    refuse(args.collection, args.sort ?? args.field)
    return findDistinct(args)
  }
}
