import type { Payload, PopulateType, TypedUser, Where } from 'payload'

import type { PopulatedDoc } from './readers'
import type { DeliveryArticle } from './types'

import { articleKeys } from '../cache/articleKeys'
import { collectionSlugs } from '../collectionSlugs'
import { factCheckSettings } from '../factChecks'
import { siteSettings } from '../siteSettings'
import { deliveryLastModified, shapeDeliveryArticle } from './shapeDeliveryArticle'

type RenderArgs = {
  payload: Payload
  /**
   * A partner (or staff member) reading through delivery before the embargo lifts: the live
   * story, embargoed or not, with their access. Never for a cache readers are served from.
   */
  partner?: TypedUser
  /** A staff member previewing: reads the latest draft, with their access. */
  previewAs?: TypedUser
  slug: string
}

export type LoadedDelivery = {
  delivery: DeliveryArticle
  /** Surrogate keys of every document the article shows, for caches and CDNs to purge by. */
  keys: string[]
  lastModified: Date
}

/** Only what the shape uses is read, so population skips joins and internal fields. */
const articleSelect = {
  body: true,
  bylines: true,
  cases: true,
  corrections: true,
  dateline: true,
  dek: true,
  embargoUntil: true,
  factCheck: true,
  firstPublishedAt: true,
  headline: true,
  hero: true,
  meta: true,
  publishedAt: true,
  quotes: true,
  relatedCoverage: true,
  revisedAt: true,
  section: true,
  slug: true,
  topics: true,
  updatedAt: true,
} as const

/**
 * Applies to every document populated from the article, inside its body too: pass it as
 * `populate` to a `find` whose articles are shaped as delivery does (a host's feeds).
 */
export const deliveryPopulate = {
  [collectionSlugs.articles]: { headline: true, slug: true, updatedAt: true },
  [collectionSlugs.cases]: {
    caption: true,
    citation: true,
    decidedAt: true,
    decidedBy: true,
    holding: true,
    parties: true,
    slug: true,
    status: true,
    updatedAt: true,
  },
  [collectionSlugs.claims]: {
    appearance: true,
    claimant: true,
    claimedAt: true,
    sourceUrl: true,
    text: true,
    updatedAt: true,
  },
  [collectionSlugs.media]: {
    alt: true,
    // Payload derives `url` from the stored file name; without it the URL reads as null.
    filename: true,
    caption: true,
    credit: true,
    // The focal point and stored sizes: crops and `srcset` on pages, renditions in ninjs.
    focalX: true,
    focalY: true,
    height: true,
    mimeType: true,
    sizes: true,
    updatedAt: true,
    url: true,
    width: true,
  },
  [collectionSlugs.quotes]: {
    medium: true,
    sourceOutlet: true,
    speaker: true,
    text: true,
    updatedAt: true,
    verification: { status: true },
  },
  [collectionSlugs.relatedStories]: {
    article: true,
    dek: true,
    headline: true,
    outlet: true,
    publishedAt: true,
    updatedAt: true,
    url: true,
  },
  // Only what readers may know of a person: never their account or internal notes.
  [collectionSlugs.people]: {
    isOrganization: true,
    kind: true,
    name: true,
    slug: true,
    updatedAt: true,
  },
  [collectionSlugs.sections]: { name: true, slug: true },
  [collectionSlugs.topics]: { name: true, slug: true },
  [collectionSlugs.users]: { name: true },
} as PopulateType

/**
 * Reads the live article as an anonymous reader would (access rules apply, no user, no drafts)
 * and shapes it, with the time it last changed. Null when no published article has the slug.
 * With `previewAs`, reads the latest draft instead, as that user may see it.
 */
export const loadDeliveryArticle = async ({
  partner,
  payload,
  previewAs,
  slug,
}: RenderArgs): Promise<LoadedDelivery | null> => {
  // The access rules already hide drafts and embargoed stories from readers (and show partners
  // the embargoed ones); the explicit condition keeps drafts hidden for an app that loosens
  // `read` on articles. The embargo cannot be asked for here: readers may not query the field.
  const where: Where = previewAs
    ? { slug: { equals: slug } }
    : { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] }
  const { docs } = await payload.find({
    collection: collectionSlugs.articles,
    depth: 2,
    draft: Boolean(previewAs),
    limit: 1,
    overrideAccess: false,
    pagination: false,
    populate: deliveryPopulate,
    select: articleSelect,
    user: previewAs ?? partner,
    where,
  })
  const doc = docs[0] as PopulatedDoc | undefined
  if (!doc) {
    return null
  }
  return {
    delivery: shapeDeliveryArticle(
      doc,
      siteSettings(payload.config),
      factCheckSettings(payload.config),
    ),
    keys: articleKeys(doc),
    lastModified: deliveryLastModified(doc),
  }
}

/** One published article by slug in the shape a site needs, or null. */
export const renderDeliveryArticle = async (args: RenderArgs): Promise<DeliveryArticle | null> =>
  (await loadDeliveryArticle(args))?.delivery ?? null
