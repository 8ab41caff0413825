import type { PopulatedDoc } from '../delivery/readers'

import { collectionSlugs } from '../collectionSlugs'
import { recordOf } from '../delivery/readers'
import { relationId, relationIds } from '../utilities/ids'
import { bodyKeys } from './bodyKeys'
import { peopleNamedBy } from '../../collections/People/hooks/markLivePeople'
import { documentKey } from './keys'

/**
 * Everything a delivered article shows, as surrogate keys: the article, its quotes, cases,
 * related stories and the stories of ours they point at, its hero image, its bylines' users, its
 * section and topics, and whatever its body links to or cites.
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
  add(collectionSlugs.media, [relationId(recordOf(doc.hero).image)])
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
