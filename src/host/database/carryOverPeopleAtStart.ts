import type { Payload } from 'payload'

import { carryOverPeople, collectionSlugs } from 'payload-plugin-newsroom'

/**
 * Typed names become people at start-up, after the migrations, on every adapter: on a database
 * that has stories or quotes but no people yet, i.e. one written before people were records.
 * Not inside the SQL migration `people_and_claims`: the carry-over reads through Payload, which
 * asks for every column today's config has, and later migrations add some. Once people exist it
 * is a single count.
 */
export const carryOverPeopleAtStart = async (payload: Payload): Promise<void> => {
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
