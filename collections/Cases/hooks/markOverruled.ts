import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { NewsroomCase } from '../../../src/documents'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { relationIds } from '../../../src/utilities/ids'

/**
 * A case that a later case overrules shows as overruled, unless an editor has set its status
 * by hand (`statusSetByEditor`), e.g. when the overruling decision was itself vacated.
 */
export const markOverruledTargets: CollectionAfterChangeHook<NewsroomCase> = async ({
  doc,
  req,
}) => {
  const targets = relationIds(doc.overrules)
  if (targets.length === 0) {
    return doc
  }
  await req.payload.update({
    collection: collectionSlugs.cases,
    data: { status: 'overruled' },
    depth: 0,
    req,
    where: {
      and: [
        { id: { in: targets } },
        { status: { not_equals: 'overruled' } },
        { statusSetByEditor: { not_equals: true } },
      ],
    },
  })
  return doc
}

/** Keeps a case overruled when it is saved again, while something still overrules it. */
export const keepOverruledStatus: CollectionBeforeChangeHook<NewsroomCase> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const setByEditor = data.statusSetByEditor ?? originalDoc?.statusSetByEditor
  if (operation !== 'update' || setByEditor || !originalDoc) {
    return data
  }
  const { totalDocs } = await req.payload.count({
    collection: collectionSlugs.cases,
    req,
    where: { overrules: { in: [originalDoc.id] } },
  })
  if (totalDocs > 0) {
    data.status = 'overruled'
  }
  return data
}
