import type { CollectionAfterChangeHook } from 'payload'

import type { NewsroomQuote } from '../../documents'

import { collectionSlugs } from '../../collectionSlugs'
import { translate } from '../../translations/translate'
import { notify } from '../notify'
import { type AssignedArticle, storyPeople } from './notifyOnArticleChange'

type VerifiedQuote = NewsroomQuote & { verification?: null | { status?: null | string } }

/**
 * A quote disputed while a live story shows it: that story's reporters and byline accounts are
 * told, once per story (a correction is theirs to write).
 */
export const notifyDisputedQuote: CollectionAfterChangeHook<VerifiedQuote> = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (
    operation !== 'update' ||
    doc.verification?.status !== 'disputed' ||
    previousDoc?.verification?.status === 'disputed'
  ) {
    return doc
  }
  const { docs } = await req.payload.find({
    collection: collectionSlugs.articles,
    depth: 0,
    draft: false,
    overrideAccess: true,
    pagination: false,
    req,
    select: { assignment: true, bylines: true, headline: true },
    where: { and: [{ quotes: { in: [doc.id] } }, { _status: { equals: 'published' } }] },
  })
  for (const story of docs as AssignedArticle[]) {
    await notify(req, {
      articleId: story.id,
      kind: 'quote-disputed',
      message: translate(req.t, 'notifyQuoteDisputed', {
        headline: story.headline ?? String(story.id),
        quote: (doc.label ?? doc.text ?? '').slice(0, 120),
      }),
      recipients: storyPeople(story),
    })
  }
  return doc
}
