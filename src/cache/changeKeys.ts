import { collectionSlugs } from '../collectionSlugs'
import { relationIds } from '../utilities/ids'
import { peopleNamedBy } from '../../collections/People/hooks/markLivePeople'
import {
  apiListKey,
  ARTICLE_LIST_KEY,
  CASE_LIST_KEY,
  PEOPLE_LIST_KEY,
  SECTION_LIST_KEY,
  caseCitationsKey,
  documentKey,
} from './keys'

type Doc = Record<string, unknown> | null | undefined

/**
 * The keys a change to one document purges: the document itself and its collection's API list
 * (any list, count or join of it may gain, lose or reorder it), and for articles and cases the
 * lists that show them; an article also moves the citation lists of the cases it cited before or
 * cites now, so a case page gains or loses it.
 */
export const changeKeys = (collection: string, doc: Doc, previousDoc?: Doc): string[] => {
  const id = doc?.id ?? previousDoc?.id
  if (id === undefined || id === null) {
    return []
  }
  const keys = [documentKey(collection, id as number | string), apiListKey(collection)]
  if (collection === collectionSlugs.articles) {
    keys.push(ARTICLE_LIST_KEY)
    const cited = new Set(
      [...relationIds(doc?.cases), ...relationIds(previousDoc?.cases)].map(String),
    )
    for (const caseId of cited) {
      keys.push(caseCitationsKey(caseId))
    }
  }
  if (collection === collectionSlugs.cases) {
    keys.push(CASE_LIST_KEY)
  }
  if (collection === collectionSlugs.people) {
    keys.push(PEOPLE_LIST_KEY)
  }
  if (collection === collectionSlugs.sections) {
    keys.push(SECTION_LIST_KEY)
  }
  // A byline, speaker, party or claimant gained or lost: that person's pages list it or not.
  const named = new Set(
    [...peopleNamedBy(collection, doc), ...peopleNamedBy(collection, previousDoc)].map(String),
  )
  for (const personId of named) {
    keys.push(documentKey(collectionSlugs.people, personId))
  }
  // Lists name each story's section and topics, and a new term's page was a 404 until now.
  if (collection === collectionSlugs.sections || collection === collectionSlugs.topics) {
    keys.push(ARTICLE_LIST_KEY)
  }
  return keys
}
