import type { Payload } from 'payload'

import { collectionSlugs } from 'payload-plugin-newsroom'

/** More than a header can hold: editors place a handful. */
const MAX_NAVIGATION_SECTIONS = 20

export type NavigationSection = { name: string; slug: string }

/**
 * The sections editors placed in the navigation, in their order (ties by name), as a reader
 * reads them. Pages that show them send the section list's surrogate key (pageRoutes.ts).
 */
export const navigationSections = async (payload: Payload): Promise<NavigationSection[]> => {
  const { docs } = await payload.find({
    collection: collectionSlugs.sections,
    depth: 0,
    limit: MAX_NAVIGATION_SECTIONS,
    overrideAccess: false,
    select: { name: true, slug: true },
    sort: ['navigationPosition', 'name'],
    where: { navigationPosition: { exists: true } },
  })
  return docs.flatMap((doc) =>
    typeof doc.slug === 'string' && doc.slug ? [{ name: doc.name, slug: doc.slug }] : [],
  )
}
