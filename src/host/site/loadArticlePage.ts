import { loadDeliveryArticle, type DeliveryArticle } from 'payload-plugin-newsroom/delivery'

import config from '@payload-config'
import { draftMode, headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import { previewUser } from './preview'

export type ArticlePage = {
  delivery: DeliveryArticle
  /** The latest draft, shown to a signed-in staff member in draft mode. */
  preview: boolean
}

/**
 * The article a page shows: the published version, or for staff in draft mode the latest draft.
 * Once per request, shared by the page and its metadata.
 */
export const loadArticlePage = cache(async (slug: string): Promise<ArticlePage | null> => {
  const payload = await getPayload({ config })
  const previewAs = (await draftMode()).isEnabled
    ? await previewUser(payload, await headers())
    : null
  const loaded = await loadDeliveryArticle({ payload, previewAs: previewAs ?? undefined, slug })
  return loaded ? { delivery: loaded.delivery, preview: Boolean(previewAs) } : null
})
