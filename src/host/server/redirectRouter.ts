import type { Request, Response, Router } from 'express'
import type { CollectionSlug, Payload } from 'payload'

import express from 'express'
import { collectionSlugs, SLUG_PATTERN } from 'payload-plugin-newsroom'
import { documentKey, isValidKey } from 'payload-plugin-newsroom/delivery'

import {
  cacheTagHeader,
  DEFAULT_CDN_POLICY,
  pageCacheControl,
  surrogateKeyHeader,
  type CdnPolicy,
} from '../pageCache/cdnHeaders'
import { recordPageKeys } from '../pageCache/renderKeys'
import { articlePath } from '../site/paths'

const REDIRECTS = 'redirects' as CollectionSlug

type RedirectDoc = {
  id: number | string
  to?: {
    reference?: { relationTo?: string; value?: unknown } | null
    type?: string
    url?: null | string
  }
}

type StoryRef = { _status?: string; id?: number | string; slug?: null | string }

/** What the 301 shows: the record, and the story it follows, so a change to either purges it. */
const keysOf = (redirect: RedirectDoc): string[] => {
  const story = redirect.to?.reference?.value as StoryRef | undefined
  return [
    documentKey(REDIRECTS, redirect.id),
    ...(story && typeof story === 'object' && story.id !== undefined
      ? [documentKey(collectionSlugs.articles, story.id)]
      : []),
  ].filter(isValidKey)
}

/** Where a redirect sends a reader now: the story's current page while it is live. */
const targetOf = (redirect: RedirectDoc): null | string => {
  const to = redirect.to
  if (to?.type === 'custom') {
    // Editors may type any URL; readers are only ever sent to http(s) or one of our paths.
    return to.url && /^(https?:\/\/|\/(?!\/))/.test(to.url) ? to.url : null
  }
  const story = to?.reference?.value as StoryRef | undefined
  // Read as a reader: a story that is not live is only an id here, and redirects nowhere.
  return story && typeof story === 'object' && story._status === 'published' && story.slug
    ? articlePath(story.slug)
    : null
}

/**
 * Old story URLs, answered with a 301 before Next renders a 404 for them (the page cache's
 * renders pass through here too). One indexed read per story request that reaches express; a
 * story's own live URL is never redirected. Cacheable like the pages, by CDNs too, with the
 * keys a change to the redirect or the story purges (the page cache's render records them).
 */
export const redirectRouter = ({
  payload,
  policy = DEFAULT_CDN_POLICY,
}: {
  payload: Payload
  /** What shared caches are told, as for the pages. */
  policy?: CdnPolicy
}): Router => {
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
    const redirect = docs[0] as RedirectDoc | undefined
    const target = redirect ? targetOf(redirect) : null
    if (!redirect || !target || target === articlePath(slug)) {
      next()
      return
    }
    const keys = keysOf(redirect)
    recordPageKeys({ get: (name) => req.get(name) ?? null }, keys)
    res.writeHead(301, {
      'Cache-Control': pageCacheControl(policy),
      'Cache-Tag': cacheTagHeader(keys),
      Location: target,
      'Surrogate-Key': surrogateKeyHeader(keys),
    })
    res.end()
  }
  router.get(articlePath(':slug'), (req, res, next) => {
    answer(req, res, next).catch(next)
  })
  return router
}
