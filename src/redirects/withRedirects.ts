import type { Config } from 'payload'

import { redirectsPlugin } from '@payloadcms/plugin-redirects'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/roles'
import { collectionSlugs } from '../collectionSlugs'
import { perLanguage, translated } from '../translations/translate'
import { addRelationTarget } from '../utilities/addRelationTarget'
import { announceRedirectChange, announceRedirectDelete } from './announceRedirectChange'

export const REDIRECTS_SLUG = 'redirects'

/**
 * Payload's redirects collection, pointed at our stories: the articles' hooks add a record when
 * an editor changes a live story's slug, and the site answers the old URL with a 301. A record
 * references the story rather than its new URL, so A→B then B→C sends A straight to C. Readers
 * may read them (old URLs are public); only editors change them.
 *
 * A change to a redirect purges what answered its old URL (see announceRedirectChange).
 *
 * A site that already runs plugin-redirects keeps its collection and its rules: its `to`
 * reference may point at stories too, and the stories' redirects are written there.
 */
export const withRedirects = (config: Config): Config => {
  if (config.collections?.some((collection) => collection.slug === REDIRECTS_SLUG)) {
    return {
      ...config,
      collections: config.collections.map((collection) =>
        collection.slug === REDIRECTS_SLUG
          ? {
              ...collection,
              hooks: {
                ...collection.hooks,
                afterChange: [...(collection.hooks?.afterChange ?? []), announceRedirectChange],
                afterDelete: [...(collection.hooks?.afterDelete ?? []), announceRedirectDelete],
              },
              fields: addRelationTarget(
                collection.fields,
                'to.reference',
                collectionSlugs.articles,
              ),
            }
          : collection,
      ),
    }
  }
  return redirectsPlugin({
    collections: [collectionSlugs.articles],
    overrides: {
      access: { create: isEditor, delete: isEditor, read: anyone, update: isEditor },
      admin: {
        defaultColumns: ['from', 'to.reference', 'createdAt'],
        description: translated('redirectsDescription'),
        group: perLanguage('adminGroup'),
      },
      hooks: { afterChange: [announceRedirectChange], afterDelete: [announceRedirectDelete] },
    },
    redirectTypes: ['301'],
  })(config)
}
