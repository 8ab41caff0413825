import type { Request, Response, Router } from 'express'
import type { CollectionSlug, Payload } from 'payload'

import express from 'express'
import { collectionSlugs, SLUG_PATTERN } from 'payload-plugin-newsroom'

import { articlePath } from '../site/paths'

const REDIRECTS = 'redirects' as CollectionSlug

type RedirectDoc = {
  to?: {
    reference?: { relationTo?: string; value?: unknown } | null
    type?: string
    url?: null | string
  }
}

/** Where a redirect sends a reader now: the story's current page while it is live. */
const targetOf = (redirect: RedirectDoc): null | string => {
  const to = redirect.to
  if (to?.type === 'custom') {
    // Editors may type any URL; readers are only ever sent to http(s) or one of our paths.
    return to.url && /^(https?:\/\/|\/(?!\/))/.test(to.url) ? to.url : null
  }
  const story = to?.reference?.value as { _status?: string; slug?: null | string } | undefined
  // Read as a reader: a story that is not live is only an id here, and redirects nowhere.
  return story && typeof story === 'object' && story._status === 'published' && story.slug
    ? articlePath(story.slug)
    : null
}

/**
 * Old story URLs, answered with a 301 before Next renders a 404 for them (the page cache's
 * renders pass through here too). One indexed read per story request that reaches express; a
 * story's own live URL is never redirected.
 */
export const redirectRouter = ({ payload }: { payload: Payload }): Router => {
  const router = express.Router()
  if (!payload.collections[REDIRECTS]) {
    return router
  }
  const answer = async (req: Request, res: Response, next: () => void) => {
    const slug = String(req.params.slug ?? '')
    if (!SLUG_PATTERN.test(slug)) {
      next()
      return
    }
    const { docs } = await payload.find({
      collection: REDIRECTS,
      depth: 1,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      populate: { [collectionSlugs.articles]: { _status: true, slug: true } },
      where: { from: { equals: articlePath(slug) } },
    })
    const target = docs[0] ? targetOf(docs[0] as RedirectDoc) : null
    if (!target || target === articlePath(slug)) {
      next()
      return
    }
    res.writeHead(301, { 'Cache-Control': 'public, max-age=300', Location: target })
    res.end()
  }
  router.get(articlePath(':slug'), (req, res, next) => {
    answer(req, res, next).catch(next)
  })
  return router
}
