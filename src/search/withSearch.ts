import type { CollectionConfig, Config, Field } from 'payload'

import { searchPlugin } from '@payloadcms/plugin-search'

import { anyone } from '../access/anyone'
import { isEditor, isStaffField } from '../access/roles'
import { collectionSlugs } from '../collectionSlugs'
import { perLanguage, translated } from '../translations/translate'
import { withStoryTextResync } from './resyncStoryText'
import { skipEmbargoed, storySearchFields, withEmbargoedSearch } from './embargoedSearch'
import { addRelationTarget } from '../utilities/addRelationTarget'
import { withMissingFields } from '../utilities/withMissingFields'

export const SEARCH_SLUG = 'search'

/** The search priority of a story, as plugin-search's `defaultPriorities` gives it. */
export const STORY_SEARCH_PRIORITY = 10

/** What a result shows besides its title: the story's dek, page and date. */
const resultFields: Field[] = [
  { name: 'dek', type: 'textarea', admin: { readOnly: true }, label: translated('dek') },
  {
    name: 'slug',
    type: 'text',
    admin: { readOnly: true },
    index: true,
    label: translated('slug'),
  },
  {
    name: 'publishedAt',
    type: 'date',
    admin: { readOnly: true },
    label: translated('publishedAt'),
  },
  // What readers search besides the title: the story's words, quotes, cases and names.
  {
    name: 'text',
    type: 'textarea',
    admin: { hidden: true, readOnly: true },
    label: translated('searchText'),
  },
]

const newsroomSearch = () =>
  searchPlugin({
    beforeSync: async ({ originalDoc, req, searchDoc }) => ({
      ...searchDoc,
      ...(await storySearchFields(originalDoc, req)),
    }),
    collections: [collectionSlugs.articles],
    defaultPriorities: { [collectionSlugs.articles]: STORY_SEARCH_PRIORITY },
    deleteDrafts: true,
    searchOverrides: {
      access: { create: () => false, delete: isEditor, read: anyone, update: () => false },
      // No "Reindex" button: nobody may create records here, so it could only fail. Stories
      // are indexed on publish and on every live edit.
      admin: { components: {}, group: perLanguage('adminGroup') },
      defaultSort: '-publishedAt',
      fields: ({ defaultFields }) => [
        // The ranking is the newsroom's business, not the reader's.
        ...defaultFields.map((field) =>
          'name' in field && field.name === 'priority'
            ? { ...field, access: { read: isStaffField } }
            : field,
        ),
        ...resultFields,
      ],
    },
    // Readers never find a story under embargo; the lift job indexes it when it ends.
    skipSync: skipEmbargoed,
    syncDrafts: false,
  })

/** The site's own search collection, made by its plugin-search: stories join its results. */
const joinSiteSearch = (siteSearch: CollectionConfig): CollectionConfig =>
  withMissingFields(
    {
      ...siteSearch,
      fields: addRelationTarget(siteSearch.fields, 'doc', collectionSlugs.articles),
    },
    resultFields,
  )

/**
 * Payload's search plugin over our stories. Its hooks keep one record per live story: written
 * on publish and on every live edit, removed on unpublish and delete; drafts (a new story, or a
 * draft of a live one) never reach it, so readers may read it all. Nobody writes it over the
 * API; editors may remove a record (the next publish writes it again).
 *
 * A site that already runs plugin-search keeps its collection and its rules: the stories'
 * hooks write into it, and its `doc` relationship may point at stories too.
 */
export const withSearch = (config: Config): Config => {
  const siteSearch = config.collections?.find((collection) => collection.slug === SEARCH_SLUG)
  if (!siteSearch) {
    const applied = newsroomSearch()(config)
    return {
      ...applied,
      collections: withEmbargoedSearch(
        withStoryTextResync(applied.collections ?? [], SEARCH_SLUG),
        SEARCH_SLUG,
      ),
    }
  }
  const others = (config.collections ?? []).filter((collection) => collection !== siteSearch)
  const applied = newsroomSearch()({ ...config, collections: others })
  return {
    ...applied,
    collections: withEmbargoedSearch(
      withStoryTextResync(
        (applied.collections ?? []).map((collection) =>
          collection.slug === SEARCH_SLUG ? joinSiteSearch(siteSearch) : collection,
        ),
        SEARCH_SLUG,
      ),
      SEARCH_SLUG,
    ),
  }
}
