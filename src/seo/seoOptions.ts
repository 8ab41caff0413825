import type { GenerateURL, SEOPluginConfig } from '@payloadcms/plugin-seo/types'

import type { NewsroomSeoOptions } from '../types'

import { collectionSlugs } from '../collectionSlugs'
import { recordOf, textOrNull } from '../delivery/readers'
import { siteSettings } from '../siteSettings'
import { relationId } from '../utilities/ids'

/** A story's meta title, unless the editor writes one: its headline (a case: its caption). */
export const defaultMetaTitle = (doc: unknown): string =>
  textOrNull(recordOf(doc).headline) ?? textOrNull(recordOf(doc).caption) ?? ''

/** A story's meta description, unless the editor writes one: its dek (a case: its holding). */
export const defaultMetaDescription = (doc: unknown): string =>
  textOrNull(recordOf(doc).dek) ?? textOrNull(recordOf(doc).holding) ?? ''

/**
 * Where readers find a story or a case, as the search preview shows it: the site's path for it
 * on the configured public URL (`serverURL`). A story without a slug yet has no page: empty.
 */
export const seoPreviewUrl: GenerateURL = ({ collectionConfig, doc, req }) => {
  const slug = textOrNull(recordOf(doc).slug)
  if (!slug) {
    return ''
  }
  const { articlePath, casePath } = siteSettings(req.payload.config)
  const path = collectionConfig?.slug === collectionSlugs.cases ? casePath(slug) : articlePath(slug)
  return /^https?:\/\//.test(path) ? path : `${req.payload.config.serverURL ?? ''}${path}`
}

/**
 * plugin-seo as the newsroom applies it: meta title, description and share image on stories and
 * cases, each "Auto-generate" button filling in the headline, the dek and the hero image; the
 * site falls back to the same values when a field is left empty.
 */
export const seoPluginConfig = (options: NewsroomSeoOptions = {}): SEOPluginConfig => ({
  collections: [collectionSlugs.articles, collectionSlugs.cases],
  generateDescription: ({ doc }) => defaultMetaDescription(doc),
  generateImage: ({ doc }) => {
    const id = relationId(recordOf(recordOf(doc).hero).image)
    return id === undefined ? '' : (id as number | string)
  },
  generateTitle: ({ doc }) => defaultMetaTitle(doc),
  generateURL: seoPreviewUrl,
  uploadsCollection: collectionSlugs.media,
  ...options,
})
