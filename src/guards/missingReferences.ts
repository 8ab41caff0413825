import type { CollectionSlug, PayloadRequest } from 'payload'

import type { InputProblem } from './inputErrors'
import type { Reference } from './validateData'

import { collectionOf } from './collectionOf'
import { shown } from './inputErrors'

/**
 * The references that point at no record, one query per collection pointed at. A relationship
 * to a record that does not exist fails a foreign key on SQL (a 500, and on SQLite without
 * transactions a half-written record) and is stored dangling on MongoDB.
 */
export const missingReferences = async (
  req: PayloadRequest,
  references: Reference[],
): Promise<InputProblem[]> => {
  const byCollection = new Map<string, Reference[]>()
  for (const reference of references) {
    byCollection.set(reference.collection, [
      ...(byCollection.get(reference.collection) ?? []),
      reference,
    ])
  }
  const problems: InputProblem[] = []
  for (const [collection, list] of byCollection) {
    const ids = [...new Set(list.map(({ id }) => String(id)))]
    // Ids as the column holds them: a form may send "12" for the integer 12.
    const numeric =
      (collectionOf(req.payload, collection)?.customIDType ?? req.payload.db.defaultIDType) ===
      'number'
    const where = { id: { in: numeric ? ids.map(Number) : ids } }
    // The adapter itself: no access rules or hooks, drafts included, in the write's transaction.
    const slug = collection as CollectionSlug
    const { totalDocs } = await req.payload.db.count({ collection: slug, req, where })
    if (totalDocs === ids.length) {
      continue
    }
    const found = await req.payload.db.find({
      collection: slug,
      limit: ids.length,
      pagination: false,
      req,
      where,
    })
    const existing = new Set(found.docs.map((doc) => String(doc.id)))
    for (const reference of list) {
      if (!existing.has(String(reference.id))) {
        problems.push({
          message: `${reference.what} ${shown(reference.id)}, but no ${collection} record has that id`,
          path: reference.path,
        })
      }
    }
  }
  return problems
}
