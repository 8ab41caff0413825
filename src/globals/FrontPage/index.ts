import type { GlobalConfig } from 'payload'

import { isEditor, isStaff } from '../../access/roles'
import { collectionSlugs } from '../../collectionSlugs'
import { perLanguage, translated } from '../../translations/translate'
import { invalidateFrontPageAfterChange } from './invalidateFrontPage'

export const FRONT_PAGE_SLUG = 'front-page'

/**
 * The front page as an editor curates it: a lead story and ordered slots; the site fills the rest
 * with the latest published stories. Only editors change it. Readers never read it over the API:
 * it may name a story that is not out yet, so the site reads it on the server and shows only
 * published stories.
 */
export const frontPageGlobal = (): GlobalConfig => ({
  slug: FRONT_PAGE_SLUG,
  access: { read: isStaff, readVersions: isStaff, update: isEditor },
  admin: {
    // A record, not a function: Payload 3.90 resolves a collection's description function for
    // the admin but hands a global's to the browser as is, which breaks every admin page.
    description: perLanguage('frontPageDescription'),
    group: perLanguage('adminGroup'),
  },
  fields: [
    {
      name: 'lead',
      type: 'relationship',
      admin: { description: translated('leadDescription') },
      label: translated('lead'),
      relationTo: collectionSlugs.articles,
    },
    {
      name: 'slots',
      type: 'relationship',
      admin: {
        description: translated('slotsDescription'),
        isSortable: true,
      },
      hasMany: true,
      label: translated('slots'),
      maxRows: 20,
      relationTo: collectionSlugs.articles,
    },
  ],
  hooks: { afterChange: [invalidateFrontPageAfterChange] },
  label: translated('frontPage'),
})
