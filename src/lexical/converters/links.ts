import type { BodyRenderOptions } from '../types'

import { collectionSlugs } from '../../collectionSlugs'
import { isPopulated, recordOf } from '../../delivery/readers'

/** Only schemes a reader can follow safely; `javascript:` and the like lose their link. */
export const safeHref = (url: unknown): null | string => {
  if (typeof url !== 'string' || url.trim() === '') {
    return null
  }
  const trimmed = url.trim()
  if ((trimmed.startsWith('/') && !trimmed.startsWith('//')) || trimmed.startsWith('#')) {
    return trimmed
  }
  try {
    const { protocol } = new URL(trimmed)
    return ['http:', 'https:', 'mailto:'].includes(protocol) ? trimmed : null
  } catch {
    return null
  }
}

/** A populated story or case readers may open: published, with a slug. */
const liveSlug = (value: unknown): null | string =>
  isPopulated(value) &&
  typeof value.slug === 'string' &&
  (value._status === undefined || value._status === 'published')
    ? value.slug
    : null

/**
 * Where a document of ours is shown, or null when readers cannot open it (a draft, a document
 * the reader may not read, which stays an unpopulated id, or a collection without pages).
 */
export const documentHref = (
  relationTo: unknown,
  value: unknown,
  { baseUrl, paths }: BodyRenderOptions,
): null | string => {
  const slug = liveSlug(value)
  if (!slug) {
    return null
  }
  if (relationTo === collectionSlugs.articles) {
    return `${baseUrl}${paths.articlePath(slug)}`
  }
  if (relationTo === collectionSlugs.cases) {
    return `${baseUrl}${paths.casePath(slug)}`
  }
  return null
}

/** A link node's href: http(s) or mailto out, or one of our published stories and cases. */
export const linkNodeHref = (fields: unknown, options: BodyRenderOptions): null | string => {
  const { doc, linkType, url } = recordOf(fields)
  if (linkType !== 'internal') {
    return safeHref(url)
  }
  const { relationTo, value } = recordOf(doc)
  return documentHref(relationTo, value, options)
}

/** Whether a link opens a new tab, which then gets `rel="noopener noreferrer"`. */
export const opensNewTab = (fields: unknown): boolean => recordOf(fields).newTab === true
