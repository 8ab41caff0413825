import type { CollectionConfig, Config, Plugin } from 'payload'

import { seoPlugin } from '@payloadcms/plugin-seo'

import type { NewsroomPluginOptions } from './types'

import { activityCollection } from '../collections/Activity'
import { articlesCollection } from '../collections/Articles'
import { casesCollection } from '../collections/Cases'
import { claimsCollection } from '../collections/Claims'
import { editorialCommentsCollection } from '../collections/EditorialComments'
import { mediaCollection, mediaFields } from '../collections/Media'
import { notificationsCollection } from '../collections/Notifications'
import { peopleCollection } from '../collections/People'
import { quotesCollection } from '../collections/Quotes'
import { relatedStoriesCollection } from '../collections/RelatedStories'
import { sectionsCollection } from '../collections/Sections'
import { topicsCollection } from '../collections/Topics'
import { siteCanManageRoles, userFields, userHooks, usersCollection } from '../collections/Users'
import {
  checkApiReadRecording,
  withApiReadRecording,
  withGlobalApiReadRecording,
} from './cache/apiReadHooks'
import { cacheSettingsCustom } from './cache/cacheSettings'
import { CHANGE_LOG_SLUG, changeLogCollection } from './cache/changeLogCollection'
import { collectionSlugs } from './collectionSlugs'
import { factCheckSettingsCustom, resolveFactCheckSettings } from './factChecks'
import { FRONT_PAGE_SLUG, frontPageGlobal } from './globals/FrontPage'
import { withDelivery } from './delivery/withDelivery'
import { answerMissingPreference } from './guards/answerMissingPreference'
import { guardPayloadCollections } from './guards/guardPayloadCollections'
import { withGlobalInputGuard } from './guards/guardGlobalArgs'
import { DEFAULT_MAX_INPUT_DEPTH, withInputGuards } from './guards/withInputGuards'
import { withServerTimestamps } from './hooks/ignoreClientTimestamps'
import { claimNewsroomJobsAtomically } from './workarounds/jobClaimedByTwoRunners'
import { guardLocksOnNewsroomRecords } from './workarounds/lockInAnothersName'
import { guardScheduleCancellation } from './workarounds/scheduleCancelSkipsAccess'
import { withScheduledPublishing } from './jobs/scheduledPublishing'
import { withLimits } from './limits/withLimits'
import { notificationSettingsCustom } from './notifications/settings'
import { withNotifications } from './notifications/withNotifications'
import { REDIRECTS_SLUG, withRedirects } from './redirects/withRedirects'
import { SEARCH_SLUG, STORY_SEARCH_PRIORITY, withSearch } from './search/withSearch'
import { carryOverBodyImagesAtStart } from './migrations/carryOverBodyImages'
import { carryOverSearchTextAtStart } from './migrations/carryOverSearchText'
import { carryOverLegacySeoMongo } from './seo/legacySeo'
import { seoPluginConfig } from './seo/seoOptions'
import { siteSettingsCustom } from './siteSettings'
import { BUDGET_PATH, CALENDAR_PATH } from './components/budget/paths'
import { serverComponent } from './packageName'
import { withTranslations } from './translations'
import { withoutNewsroomGlobals } from './typescript/withoutNewsroomGlobals'
import { translated } from './translations/translate'
import { applyCollectionOverride } from './utilities/applyCollectionOverride'
import { withMissingFields } from './utilities/withMissingFields'

const DEFAULT_MAX_RELATED_COVERAGE = 6

/**
 * plugin-seo appends its `meta` group after a collection's fields; a story's editor finds it in
 * an SEO tab beside Story, Sources and Corrections instead. Only the layout moves: the tabs are
 * unnamed, so the data stays at `meta.*`.
 */
const withMetaInSeoTab = (collection: CollectionConfig): CollectionConfig => {
  const meta = collection.fields.find((field) => 'name' in field && field.name === 'meta')
  const tabsIndex = collection.fields.findIndex((field) => field.type === 'tabs')
  const tabsField = collection.fields[tabsIndex]
  if (!meta || !tabsField || tabsField.type !== 'tabs') {
    return collection
  }
  const fields = collection.fields.filter((field) => field !== meta)
  fields[fields.indexOf(tabsField)] = {
    ...tabsField,
    tabs: [...tabsField.tabs, { fields: [meta], label: translated('tabSeo') }],
  }
  return { ...collection, fields }
}

export const newsroomPlugin =
  (pluginOptions: NewsroomPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const { overrides = {} } = pluginOptions
    const maxRelatedCoverage = pluginOptions.maxRelatedCoverage ?? DEFAULT_MAX_RELATED_COVERAGE
    const { ratings } = resolveFactCheckSettings(pluginOptions.factChecks)
    const existing = incomingConfig.collections ?? []
    const hasCollection = (slug: string) => existing.some((collection) => collection.slug === slug)

    const rolesOf = pluginOptions.roles?.of
    const appCollections = existing.map((collection) => {
      if (collection.slug === collectionSlugs.users) {
        // The site's own users: newsroom roles join them, its own rules stay (see `hardening`).
        const canManageRoles = siteCanManageRoles(collection, pluginOptions.roles?.canManage)
        return withMissingFields(
          collection,
          userFields({ canManageRoles, rolesOf, siteOwned: true }),
          userHooks({ accounts: pluginOptions.hardening?.accounts === true, canManageRoles }),
        )
      }
      if (collection.slug === collectionSlugs.media) {
        return withMissingFields(collection, mediaFields())
      }
      return collection
    })

    const newsroomCollections = [
      applyCollectionOverride(
        articlesCollection({
          maxRelatedCoverage,
          ratings,
          redirects: pluginOptions.redirects !== false,
        }),
        overrides.articles,
      ),
      applyCollectionOverride(quotesCollection(), overrides.quotes),
      applyCollectionOverride(casesCollection(), overrides.cases),
      applyCollectionOverride(peopleCollection(), overrides.people),
      applyCollectionOverride(claimsCollection(), overrides.claims),
      applyCollectionOverride(relatedStoriesCollection(), overrides.relatedStories),
      applyCollectionOverride(sectionsCollection(), overrides.sections),
      applyCollectionOverride(topicsCollection(), overrides.topics),
      applyCollectionOverride(activityCollection(), overrides.activity),
      applyCollectionOverride(editorialCommentsCollection(), overrides.editorialComments),
      applyCollectionOverride(notificationsCollection(), overrides.notifications),
      ...(hasCollection(collectionSlugs.users)
        ? []
        : [
            applyCollectionOverride(
              usersCollection({ canManageRoles: pluginOptions.roles?.canManage, rolesOf }),
              overrides.users,
            ),
          ]),
      ...(hasCollection(collectionSlugs.media)
        ? []
        : [applyCollectionOverride(mediaCollection(), overrides.media)]),
      // Internal, never overridden: how the instances' caches learn of each other's writes.
      changeLogCollection(),
    ]

    const built = [...appCollections, ...newsroomCollections]
    // Applied even when `disabled`, like the collections, so the schema does not change.
    const withSeo =
      pluginOptions.seo === false
        ? { ...incomingConfig, collections: built }
        : (seoPlugin(seoPluginConfig(pluginOptions.seo))({
            ...incomingConfig,
            collections: built,
          }) as Config)
    const collections = (withSeo.collections ?? []).map(withMetaInSeoTab)

    const config: Config = {
      ...withSeo,
      // The admin's text in the editor's language: the newsroom's namespace beside the site's.
      i18n: withTranslations(withSeo).i18n,
      admin: {
        ...incomingConfig.admin,
        components: pluginOptions.disabled
          ? incomingConfig.admin?.components
          : {
              ...incomingConfig.admin?.components,
              // Editors see what writers submitted first; the site's own come after.
              beforeDashboard: [
                serverComponent('ReviewQueue'),
                serverComponent('UnreadNotifications'),
                ...(incomingConfig.admin?.components?.beforeDashboard ?? []),
              ],
              // The story budget and the calendar, under the collections in the nav.
              afterNavLinks: [
                ...(incomingConfig.admin?.components?.afterNavLinks ?? []),
                serverComponent('NewsroomNavLinks'),
              ],
              views: {
                ...incomingConfig.admin?.components?.views,
                newsroomBudget: {
                  Component: serverComponent('StoryBudget'),
                  exact: true,
                  meta: { title: 'Story budget' },
                  path: BUDGET_PATH,
                },
                newsroomCalendar: {
                  Component: serverComponent('StoryCalendar'),
                  exact: true,
                  meta: { title: 'Calendar' },
                  path: CALENDAR_PATH,
                },
              },
            },
        user: incomingConfig.admin?.user ?? collectionSlugs.users,
      },
      // The delivery API: endpoints on articles, cache-invalidation hooks on what it shows.
      // …and the notifications their changes write (each checks the option when it runs).
      collections: pluginOptions.disabled
        ? collections
        : collections.map(withDelivery).map(withNotifications),
      custom: {
        ...incomingConfig.custom,
        ...siteSettingsCustom(pluginOptions.site),
        ...cacheSettingsCustom(pluginOptions.cache),
        ...factCheckSettingsCustom(pluginOptions.factChecks),
        ...notificationSettingsCustom(pluginOptions.notifications),
      },
      // Kept when disabled, like the collections, so the schema does not change.
      // plugin-seo may have added SEO fields to the site's globals: keep its version of them.
      globals: [
        ...(withSeo.globals ?? []),
        // The newsroom's own global takes the input guards its collections have.
        withGlobalInputGuard(pluginOptions.maxInputDepth ?? DEFAULT_MAX_INPUT_DEPTH)(
          frontPageGlobal(),
        ),
      ],
      typescript: {
        ...incomingConfig.typescript,
        schema: [
          ...(incomingConfig.typescript?.schema ?? []),
          withoutNewsroomGlobals([FRONT_PAGE_SLUG]),
        ],
      },
      jobs: pluginOptions.disabled
        ? incomingConfig.jobs
        : withScheduledPublishing(incomingConfig.jobs, pluginOptions.jobs, {
            embargoSearch:
              pluginOptions.search === false
                ? null
                : { priority: STORY_SEARCH_PRIORITY, slug: SEARCH_SLUG },
          }),
      onInit: async (payload) => {
        // The site's start-up comes first, as it did before the plugin joined.
        await incomingConfig.onInit?.(payload)
        if (!pluginOptions.disabled) {
          guardScheduleCancellation(payload)
          guardLocksOnNewsroomRecords(payload)
          // Every instance runs the job runner: each due job must go to exactly one of them.
          claimNewsroomJobsAtomically(payload)
          // Every collection and global records what an anonymous API answer reads, for a host's
          // API cache; one a later plugin added cannot, and then nothing is kept.
          checkApiReadRecording(payload)
        }
        if (pluginOptions.hardening?.payloadCollections === true) {
          // Opt-in: Payload's own collections and endpoints are no plugin's to configure, so
          // the checks are added to them at start (see `hardening.payloadCollections`).
          answerMissingPreference(payload)
          guardPayloadCollections(payload, {
            maxDepth: pluginOptions.maxInputDepth ?? DEFAULT_MAX_INPUT_DEPTH,
          })
        }
        if (!pluginOptions.disabled) {
          // Once, after the migrations, on every adapter: stories saved before `bodyImages`
          // get it (through Payload, so not inside a SQL migration; see onceAtStart).
          await carryOverBodyImagesAtStart(payload)
          // …and stories indexed before the search text get it.
          await carryOverSearchTextAtStart(payload)
        }
        if (pluginOptions.seo !== false) {
          // MongoDB has no migrations: the old `seo` values move to `meta` here, once.
          await carryOverLegacySeoMongo(payload)
        }
      },
    }
    // Payload's official plugins, kept when disabled like the collections (the schema stays).
    const withRedirectsApplied = pluginOptions.redirects === false ? config : withRedirects(config)
    const withSearchApplied =
      pluginOptions.search === false ? withRedirectsApplied : withSearch(withRedirectsApplied)
    // Once every collection is in place (Payload's SEO fields and endpoints, the delivery API,
    // the redirects and search collections), one pass over those the plugin builds, extends or
    // adds: bad input is a 4xx that writes nothing, and timestamps are the server's.
    // Redirects and search are the newsroom's only when it added them: a site that already ran
    // those plugins keeps its own rules for their collections.
    const managedSlugs = new Set<string>([
      ...Object.values(collectionSlugs),
      CHANGE_LOG_SLUG,
      ...(hasCollection(REDIRECTS_SLUG) ? [] : [REDIRECTS_SLUG]),
      ...(hasCollection(SEARCH_SLUG) ? [] : [SEARCH_SLUG]),
    ])
    const guard = withInputGuards(pluginOptions)
    const withOfficial: Config = {
      ...withSearchApplied,
      collections: (withSearchApplied.collections ?? [])
        .map((collection) =>
          managedSlugs.has(collection.slug) ? guard(withServerTimestamps(collection)) : collection,
        )
        // Last, once every collection is here and has the delivery hooks it looks for: what
        // each anonymous API read shows, for a host's API cache.
        .map((collection) =>
          pluginOptions.disabled ? collection : withApiReadRecording(collection),
        ),
      globals: (withSearchApplied.globals ?? []).map((global) =>
        pluginOptions.disabled ? global : withGlobalApiReadRecording(global),
      ),
    }
    // Caps on what one REST or GraphQL request may ask of the server.
    return pluginOptions.disabled
      ? withOfficial
      : withLimits(withOfficial, pluginOptions.limits, {
          everywhere: pluginOptions.hardening?.graphQL === true,
          // The site's own users and media keep their own limits (none unless it set some).
          slugs: new Set(
            [...managedSlugs].filter(
              (slug) =>
                !(slug === collectionSlugs.users || slug === collectionSlugs.media) ||
                !hasCollection(slug),
            ),
          ),
        })
  }
