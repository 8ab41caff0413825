import {
  deliveryCacheFor,
  loadDeliveryArticle,
  type DeliveryArticle,
} from 'payload-plugin-newsroom/delivery'

import { SLUG_PATTERN } from 'payload-plugin-newsroom'

import config from '@payload-config'
import { draftMode, headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import { isPageCacheRender, recordPageKeys } from '../pageCache/renderKeys'
import { previewUser } from './preview'

export type ArticlePage = {
  delivery: DeliveryArticle
  /** The latest draft, shown to a signed-in staff member in draft mode. */
  preview: boolean
}

/**
 * The article a page shows: the published version, read through the delivery cache (the one read
 * path the delivery API uses too), or for staff in draft mode the latest draft, read fresh and
 * never cached. Once per request, shared by the page and its metadata. A render for the page
 * cache records the keys of what the article shows.
 */
export const loadArticlePage = cache(async (slug: string): Promise<ArticlePage | null> => {
  const payload = await getPayload({ config })
  const requestHeaders = await headers()
  const previewAs = (await draftMode()).isEnabled
    ? await previewUser(payload, requestHeaders)
    : null
  if (previewAs) {
    const draft = await loadDeliveryArticle({ payload, previewAs, slug })
    return draft ? { delivery: draft.delivery, preview: true } : null
  }
  // Anything that cannot be a slug is a 404 without a query, and never fills the cache. A render
  // for the page cache reads the change log first: that cache has its own feed, and may have
  // purged this page for a change this copy of the delivery cache has not seen yet.
  const loaded = SLUG_PATTERN.test(slug)
    ? await deliveryCacheFor(payload).load(slug, { fresh: isPageCacheRender(requestHeaders) })
    : null
  if (loaded) {
    recordPageKeys(requestHeaders, loaded.keys)
  }
  return loaded ? { delivery: loaded.delivery, preview: false } : null
})
