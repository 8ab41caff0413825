import type { Payload } from 'payload'

import type { FrontPage } from '../payload-types'

import { collectionSlugs, FRONT_PAGE_SLUG, relationId, relationIds } from 'payload-plugin-newsroom'

import { publishedArticles } from './feeds/publishedArticles'

/** How many stories the front page lists in all: lead, slots, then the latest. */
export const FRONT_PAGE_SIZE = 30

const select = {
  dek: true,
  firstPublishedAt: true,
  headline: true,
  publishedAt: true,
  section: true,
  slug: true,
} as const

const populate = { [collectionSlugs.sections]: { name: true, slug: true } } as const

/**
 * The front page's stories in order: the editors' lead, then their slots, then the latest
 * published stories not already shown. The global is read on the server (it may name a story
 * that is not out yet); the stories themselves as a reader reads them, so a draft, unpublished
 * or deleted story in a slot is skipped, and takes its place again once it is published.
 */
export const frontPageStories = async (payload: Payload) => {
  // The newsroom's globals stay out of a site's `GlobalSlug` (see withoutNewsroomGlobals).
  const curated = (await payload.findGlobal({
    depth: 0,
    slug: FRONT_PAGE_SLUG as never,
  })) as unknown as FrontPage
  const chosen = [relationId(curated.lead), ...relationIds(curated.slots)]
    .filter((id): id is number | string => id !== undefined)
    .filter((id, index, all) => all.findIndex((other) => String(other) === String(id)) === index)
  const picked = chosen.length
    ? (
        await payload.find({
          collection: collectionSlugs.articles,
          depth: 1,
          draft: false,
          limit: chosen.length,
          overrideAccess: false,
          pagination: false,
          populate,
          select,
          where: publishedArticles({ id: { in: chosen } }),
        })
      ).docs
    : []
  const byId = new Map(picked.map((doc) => [String(doc.id), doc]))
  const ordered = chosen.flatMap((id) => byId.get(String(id)) ?? [])
  const { docs: latest } = await payload.find({
    collection: collectionSlugs.articles,
    depth: 1,
    draft: false,
    limit: FRONT_PAGE_SIZE,
    overrideAccess: false,
    pagination: false,
    populate,
    select,
    sort: '-publishedAt',
    where: publishedArticles(),
  })
  const shown = new Set(ordered.map((doc) => String(doc.id)))
  const rest = latest.filter((doc) => !shown.has(String(doc.id)))
  const leadIsCurated = byId.has(String(relationId(curated.lead)))
  return {
    /** The lead story was chosen by an editor (else the latest is the lead). */
    curatedLead: leadIsCurated,
    stories: [...ordered, ...rest].slice(0, FRONT_PAGE_SIZE),
  }
}
