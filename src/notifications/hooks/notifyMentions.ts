import type { CollectionAfterChangeHook } from 'payload'

import type { NewsroomArticle, NewsroomUser } from '../../documents'

import { collectionSlugs } from '../../collectionSlugs'
import { translate } from '../../translations/translate'
import { relationId, relationIds } from '../../utilities/ids'
import { notify } from '../notify'

type Comment = { article?: unknown; id: number | string; mentions?: unknown }

/** Those a comment newly mentions are told (an edit that keeps a mention does not tell again). */
export const notifyMentions: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const before = relationIds(previousDoc?.mentions).map(String)
  const mentioned = relationIds(doc.mentions).filter((id) => !before.includes(String(id)))
  const articleId = relationId(doc.article)
  if (mentioned.length === 0 || articleId === undefined) {
    return doc
  }
  const article = (await req.payload.findByID({
    collection: collectionSlugs.articles,
    depth: 0,
    disableErrors: true,
    draft: true,
    id: articleId,
    overrideAccess: true,
    req,
    select: { headline: true },
  })) as NewsroomArticle | null
  const user = req.user as NewsroomUser | null
  await notify(req, {
    articleId,
    kind: 'mentioned',
    message: translate(req.t, 'notifyMentioned', {
      headline: article?.headline ?? String(articleId),
      who: user?.name || user?.email || translate(req.t, 'notifySomeone'),
    }),
    recipients: mentioned,
  })
  return doc
}
