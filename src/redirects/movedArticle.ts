import type { CollectionSlug, Payload } from 'payload'

import { documentKey } from '../cache/keys'
import { collectionSlugs } from '../collectionSlugs'
import { siteSettings } from '../siteSettings'
import { REDIRECTS_SLUG } from './withRedirects'

export type MovedArticle = {
  /** What the answer shows: the redirect record and the story, so a change to either purges it. */
  keys: string[]
  /** The story's live slug now. */
  slug: string
}

type RedirectDoc = {
  id: number | string
  to?: { reference?: { relationTo?: string; value?: unknown } | null; type?: string }
}

/**
 * Where an old story slug now answers: the live slug of the story a redirect record sends its old
 * URL to, read as a reader (a story that is not live is only an id, and moves nobody), or null.
 * A custom URL is not a story, so the delivery API has nothing to send there.
 */
export const movedArticle = async (
  payload: Payload,
  slug: string,
): Promise<MovedArticle | null> => {
  const collection = REDIRECTS_SLUG as CollectionSlug
  if (!payload.collections[collection]) {
    return null
  }
  const { docs } = await payload.find({
    collection,
    depth: 1,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    populate: { [collectionSlugs.articles]: { _status: true, slug: true } },
    where: { from: { equals: siteSettings(payload.config).articlePath(slug) } },
  })
  const redirect = docs[0] as RedirectDoc | undefined
  const reference = redirect?.to?.type === 'reference' ? redirect.to.reference : null
  const story = reference?.relationTo === collectionSlugs.articles ? reference.value : null
  if (!redirect || !story || typeof story !== 'object') {
    return null
  }
  const {
    _status,
    id,
    slug: live,
  } = story as { _status?: string; id: number | string; slug?: string }
  if (_status !== 'published' || !live || live === slug) {
    return null
  }
  return {
    keys: [documentKey(collection, redirect.id), documentKey(collectionSlugs.articles, id)],
    slug: live,
  }
}
