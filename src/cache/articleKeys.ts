import type { PopulatedDoc } from '../delivery/readers'

import { collectionSlugs } from '../collectionSlugs'
import { recordOf } from '../delivery/readers'
import { relationId, relationIds } from '../utilities/ids'
import { bodyKeys } from './bodyKeys'
import { peopleNamedBy } from '../../collections/People/hooks/markLivePeople'
import { documentKey } from './keys'

type Reference = { relationTo: string; value: unknown }

/** The upload and relationship nodes of a Lexical body, at any depth. */
const bodyReferences = (body: unknown): Reference[] => {
  const found: Reference[] = []
  const visit = (node: unknown) => {
    const { children, relationTo, type, value } = recordOf(node)
    if ((type === 'upload' || type === 'relationship') && typeof relationTo === 'string') {
      found.push({ relationTo, value })
    }
    if (Array.isArray(children)) children.forEach(visit)
  }
  visit(recordOf(body).root)
  return found
}

/**
 * Everything a delivered article shows, as surrogate keys: the article, its quotes, cases,
 * related stories and the stories of ours they point at, its hero, share and in-body images,
 * the documents its body links to or cites, its bylines' users, its section and topics.
 */
export const articleKeys = (doc: PopulatedDoc): string[] => {
  const keys = new Set<string>([documentKey(collectionSlugs.articles, doc.id)])
  const add = (collection: string, ids: (number | string | undefined)[]) => {
    for (const id of ids) {
      if (id !== undefined) {
        keys.add(documentKey(collection, id))
      }
    }
  }
  add(collectionSlugs.quotes, relationIds(doc.quotes))
  add(collectionSlugs.cases, relationIds(doc.cases))
  const related = Array.isArray(doc.relatedCoverage) ? doc.relatedCoverage : []
  add(collectionSlugs.relatedStories, relationIds(related))
  add(
    collectionSlugs.articles,
    related.map((story) => relationId(recordOf(story).article)),
  )
  add(collectionSlugs.media, [
    relationId(recordOf(doc.hero).image),
    relationId(recordOf(doc.meta).image),
  ])
  // In-body images and relationships show their documents too.
  for (const node of bodyReferences(doc.body)) {
    add(node.relationTo, [relationId(node.value)])
  }
  add(collectionSlugs.sections, [relationId(doc.section)])
  add(collectionSlugs.topics, relationIds(doc.topics))
  add(
    collectionSlugs.users,
    (Array.isArray(doc.bylines) ? doc.bylines : []).map((byline) =>
      relationId(recordOf(byline).author),
    ),
  )
  for (const key of bodyKeys(doc.body)) {
    keys.add(key)
  }
  // The people it names: bylines, the speakers of its quotes, its cases' parties, its claim.
  const claim = recordOf(doc.factCheck).claim
  add(collectionSlugs.claims, [relationId(claim)])
  add(collectionSlugs.people, [
    ...peopleNamedBy(collectionSlugs.articles, doc),
    ...(Array.isArray(doc.quotes) ? doc.quotes : []).flatMap((quote) =>
      peopleNamedBy(collectionSlugs.quotes, quote),
    ),
    ...(Array.isArray(doc.cases) ? doc.cases : []).flatMap((record) =>
      peopleNamedBy(collectionSlugs.cases, record),
    ),
    ...peopleNamedBy(collectionSlugs.claims, claim),
  ])
  return [...keys]
}
