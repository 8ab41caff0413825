import type { Payload } from 'payload'

import { feedNotFound, feedResponse } from './feedResponse'
import { renderRssFeed, RSS_CONTENT_TYPE } from './renderRssFeed'
import { findTerm, storiesOf, taxonomyPath, type TaxonomyKind } from '../taxonomyListing'

type TaxonomyFeedArgs = {
  kind: TaxonomyKind
  origin: string
  payload: Payload
  slug: string
}

/** The RSS feed of one section or topic; a 404 for a slug no term has. */
export const taxonomyFeed = async ({
  kind,
  origin,
  payload,
  slug,
}: TaxonomyFeedArgs): Promise<Response> => {
  const term = await findTerm(payload, kind, slug)
  if (!term) {
    return feedNotFound()
  }
  const path = taxonomyPath(kind, term.slug)
  const body = await renderRssFeed({
    channel: {
      description: term.description ?? `The latest stories on ${term.name}.`,
      path,
      selfPath: `${path}/feed.xml`,
      title: term.name,
      where: storiesOf(kind, term),
    },
    now: new Date(),
    origin,
    payload,
  })
  return feedResponse(body, RSS_CONTENT_TYPE)
}
