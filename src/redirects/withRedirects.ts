import type { Config } from 'payload'

import { redirectsPlugin } from '@payloadcms/plugin-redirects'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/roles'
import { collectionSlugs } from '../collectionSlugs'
import { perLanguage, translated } from '../translations/translate'

export const REDIRECTS_SLUG = 'redirects'

/**
 * Payload's redirects collection, pointed at our stories: the articles' hooks add a record when
 * an editor changes a live story's slug, and the site answers the old URL with a 301. A record
 * references the story rather than its new URL, so A→B then B→C sends A straight to C. Readers
 * may read them (old URLs are public); only editors change them.
 */
export const withRedirects = (config: Config): Config =>
  redirectsPlugin({
    collections: [collectionSlugs.articles],
    overrides: {
      access: { create: isEditor, delete: isEditor, read: anyone, update: isEditor },
      admin: {
        defaultColumns: ['from', 'to.reference', 'createdAt'],
        description: translated('redirectsDescription'),
        group: perLanguage('adminGroup'),
      },
    },
    redirectTypes: ['301'],
  })(config)
