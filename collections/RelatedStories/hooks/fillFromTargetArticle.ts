import type { CollectionBeforeValidateHook } from 'payload'

import type { NewsroomArticle, NewsroomRelatedStory } from '../../../src/documents'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { relationId } from '../../../src/utilities/ids'

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === ''

/** An internal related story left without a headline or dek takes the target article's. */
export const fillFromTargetArticle: CollectionBeforeValidateHook<NewsroomRelatedStory> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!data) {
    return data
  }
  const target = relationId(data.article ?? originalDoc?.article)
  const headline = data.headline ?? originalDoc?.headline
  const dek = data.dek ?? originalDoc?.dek
  if (target === undefined || (!isBlank(headline) && !isBlank(dek))) {
    return data
  }
  const article = (await req.payload.findByID({
    collection: collectionSlugs.articles,
    depth: 0,
    disableErrors: true,
    draft: false,
    id: target,
    req,
    select: { _status: true, dek: true, headline: true },
  })) as NewsroomArticle | null
  // Related stories are public: an unpublished story's headline must not leak through one.
  if (article?._status === 'published') {
    if (isBlank(headline)) data.headline = article.headline
    if (isBlank(dek) && article.dek) data.dek = article.dek
  }
  return data
}
