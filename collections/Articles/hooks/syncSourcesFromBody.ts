import type { CollectionBeforeChangeHook } from 'payload'

import type { Id, NewsroomArticle } from '../../../src/documents'

import { relationIds, sameId } from '../../../src/utilities/ids'
import { bodyReferences } from '../../../src/utilities/lexical'

/**
 * Keeps `quotes` and `cases` in step with the body: what the body references is added, what
 * an edit removed from the body is dropped, and what an editor linked by hand stays.
 */
const inStep = (listed: unknown, before: Id[], after: Id[]): Id[] => {
  const current = relationIds(listed)
  const droppedFromBody = before.filter((id) => !after.some((other) => sameId(id, other)))
  const kept = current.filter((id) => !droppedFromBody.some((other) => sameId(id, other)))
  const added = after.filter((id) => !kept.some((other) => sameId(id, other)))
  return [...kept, ...added.filter((id, index) => added.findIndex((o) => sameId(o, id)) === index)]
}

export const syncSourcesFromBody: CollectionBeforeChangeHook<NewsroomArticle> = ({
  data,
  originalDoc,
}) => {
  if (data.body === undefined) {
    return data
  }
  const before = bodyReferences(originalDoc?.body)
  const after = bodyReferences(data.body)
  data.quotes = inStep(data.quotes ?? originalDoc?.quotes, before.quotes, after.quotes)
  data.cases = inStep(data.cases ?? originalDoc?.cases, before.cases, after.cases)
  return data
}
