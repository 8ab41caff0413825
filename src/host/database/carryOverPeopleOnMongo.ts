import type { Payload } from 'payload'

import { carryOverPeople, collectionSlugs } from 'payload-plugin-newsroom'

/**
 * MongoDB has no schema migrations here, so the carry-over the SQL migration
 * `people_and_claims` runs happens at start-up instead: on a database that has stories or
 * quotes but no people yet, i.e. one written before people were records. Once people exist it
 * is a single count.
 */
export const carryOverPeopleOnMongo = async (payload: Payload): Promise<void> => {
  const { totalDocs: people } = await payload.db.count({ collection: collectionSlugs.people })
  if (people > 0) {
    return
  }
  const { totalDocs: quotes } = await payload.db.count({ collection: collectionSlugs.quotes })
  const { totalDocs: articles } = await payload.db.count({ collection: collectionSlugs.articles })
  const { totalDocs: cases } = await payload.db.count({ collection: collectionSlugs.cases })
  if (quotes + articles + cases === 0) {
    return
  }
  const result = await carryOverPeople({ payload })
  payload.logger.info({ msg: 'Carried typed names over into people', ...result })
}
