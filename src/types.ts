import type { SEOPluginConfig } from '@payloadcms/plugin-seo/types'
import type { CollectionConfig, Field, PayloadRequest } from 'payload'

import type { Role } from './access/roles'

/** Lets an app replace the plugin's fields while keeping access, hooks and the slug. */
export type FieldsOverride = (args: { defaultFields: Field[] }) => Field[]

/** Changes an app may make to one of the plugin's collections. */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  /** Receives the plugin's fields and returns the fields the collection should have. */
  fields?: FieldsOverride
}

/** The publication's logo, as search engines show it with its stories. */
export type NewsroomLogo = {
  /** Its height in pixels. */
  height?: number
  /** A path on the site (`/logo.png`) or an absolute http(s) URL. */
  url: string
  /** Its width in pixels. */
  width?: number
}

/** The host's public site: how it names itself, and where it shows stories and cases. */
export type NewsroomSiteOptions = {
  /**
   * The path (or absolute URL) of a story's page on the host's site: links to our own stories
   * in related coverage, in bodies and in ninjs.
   * @default (slug) => `/news/${slug}`
   */
  articlePath?: (slug: string) => string
  /**
   * The path (or absolute URL) of a case's page on the host's site: case citations in ninjs
   * HTML.
   * @default (slug) => `/cases/${slug}`
   */
  casePath?: (slug: string) => string
  /**
   * The path (or absolute URL) of a staff member's or contributor's page: where bylines link,
   * and NewsArticle JSON-LD's `author.url`.
   * @default (slug) => `/authors/${slug}`
   */
  authorPath?: (slug: string) => string
  /**
   * The path (or absolute URL) of a person's page (what they said, their cases): ninjs `people`
   * entries' `uri`.
   * @default (slug) => `/people/${slug}`
   */
  personPath?: (slug: string) => string
  /**
   * The language of the stories, as an ISO 639 code ('en', 'es', or 'zh-cn' / 'zh-tw' for
   * Chinese): the RSS channel's `language` and Google News' `news:language`.
   * @default 'en'
   */
  language?: string
  /**
   * The publication's logo: the `publisher.logo` of every story's NewsArticle JSON-LD (Google
   * asks for one). Unset: the publisher is named without a logo.
   */
  logo?: NewsroomLogo
  /**
   * The publication's name: the RSS channel title and Google News' `news:name`, which must
   * match the name Google News knows the publication by.
   * @default 'Newsroom'
   */
  name?: string
}

/**
 * Changes to how the plugin applies @payloadcms/plugin-seo: any of its options, over the
 * newsroom's (articles and cases, media for the share image, titles from headlines).
 */
export type NewsroomSeoOptions = Partial<SEOPluginConfig>

/** How scheduled publishing runs. */
export type NewsroomJobsOptions = {
  /**
   * Run due scheduled publishes and unpublishes inside the server, with Payload's job runner.
   * Turn off when something else runs the queue (`payload jobs:run`, a platform cron).
   * @default true
   */
  autoRun?: boolean
  /**
   * How often the queue is checked, as a cron expression (six fields: seconds first).
   * @default '*\/10 * * * * *' (every ten seconds)
   */
  cron?: string
}

/** What one GraphQL query may cost, checked before it runs: over any of these it is a 400. */
export type NewsroomGraphQLLimits = {
  /**
   * The most aliased fields in one query (fragments counted each time they are spread): an
   * alias is how one query repeats a read hundreds of times.
   * @default 10
   */
  maxAliases?: number
  /**
   * Payload's `graphQL.maxComplexity`: each field costs 1, each relationship, upload or join 10.
   * Unset here, a `graphQL.maxComplexity` the host's config sets is kept.
   * @default 500 (Payload's own default is 1000)
   */
  maxComplexity?: number
  /**
   * The deepest nesting of fields (introspection fields are not counted).
   * @default 10
   */
  maxDepth?: number
  /**
   * The most top-level fields in one query: each is a separate database read.
   * @default 10
   */
  maxRootFields?: number
}

/** Caps on what one API request may ask of the server, so an anonymous one stays cheap. */
export type NewsroomLimitsOptions = {
  /** GraphQL query cost (aliases, depth, top-level fields, complexity); `false` turns it off. */
  graphQL?: false | NewsroomGraphQLLimits
  /**
   * The largest `limit` a REST read of the plugin's collections, any GraphQL read, or a join in
   * either may ask for. `limit=0` and `pagination=false` without a limit, which read every
   * document, are refused too: a 400 naming `limit`. The Local API is not capped. `false`: off.
   * @default 100
   */
  maxLimit?: false | number
}

/** How the plugin tells caches outside the process (a CDN, Varnish) what changed. */
export type NewsroomCacheOptions = {
  /**
   * The most the delivery cache (the delivery API's and the story pages' published articles)
   * holds, in bytes of the articles' JSON; the least recently read go first.
   * @default 33554432 (32 MiB)
   */
  deliveryMaxBytes?: number
  /**
   * The most articles (unknown slugs included) the delivery cache holds.
   * @default 1000
   */
  deliveryMaxEntries?: number
  /**
   * Called with the surrogate keys a change touched (`articles:12`, `quotes:3`, `list:articles`,
   * …, the same keys pages send in `Surrogate-Key`), once the change has committed, by the
   * instance that made it; called again about half a second later, once every other instance
   * has had time to see the change, in case the CDN refetched from one of them meanwhile.
   * Errors are logged and otherwise ignored.
   */
  onPurge?: (keys: string[]) => Promise<void> | void
}

/** One step of a fact-check's rating scale. */
export type NewsroomRating = {
  /** What readers see ("Mostly false"): ClaimReview's `reviewRating.alternateName`. */
  label: string
  /** Its place on the scale, higher is truer: ClaimReview's `reviewRating.ratingValue`. */
  ratingValue: number
  /**
   * What is stored on the article (`factCheck.rating`), and a GraphQL enum name: letters,
   * digits and hyphens, not `true`, `false` or `null`. Keep it once used.
   */
  value: string
}

/** How fact-checks rate the claims they check. */
export type NewsroomFactCheckOptions = {
  /**
   * The newsroom's rating scale, in the order editors pick from; its highest and lowest
   * `ratingValue` are ClaimReview's `bestRating` and `worstRating`.
   * @default True (5), Mostly true (4), Half true (3), Mostly false (2), False (1)
   */
  ratings?: NewsroomRating[]
}

/**
 * Who holds which newsroom role, and who may grant them. Newsroom roles live in a `roles` field
 * the plugin adds to the site's users; a site that already tells its people apart can say so
 * here instead of (or as well as) setting that field.
 */
export type NewsroomRolesOptions = {
  /**
   * Who may grant and take back newsroom roles (the `roles` field). On a users collection the
   * plugin builds: newsroom admins. On the site's own users collection, by default, also anyone
   * the site already lets update every user (its `access.update` answers `true`), so the site's
   * owner can make themselves a newsroom admin from the admin, without touching the database.
   */
  canManage?: (args: { req: PayloadRequest }) => boolean | Promise<boolean>
  /**
   * Newsroom roles a user holds besides those stored in their `roles` field, from the site's own
   * data (e.g. `(user) => (user.isOwner ? ['admin'] : [])`), added each time the account is
   * read, the signed-in user included.
   */
  of?: (user: Record<string, unknown>) => readonly Role[] | undefined
}

/**
 * The newsroom's rules on the rest of the site too. By default they cover the newsroom's
 * collections and the fields it adds to the site's; a site that wants them everywhere opts in.
 */
export type NewsroomHardeningOptions = {
  /**
   * The newsroom's account rules on a users collection the site already had: passwords of at
   * least 12 characters, the current password to change one's own, sign-in failures that do
   * not tell whether an address has an account. Always on for a users collection the plugin
   * builds.
   * @default false
   */
  accounts?: boolean
  /**
   * The GraphQL cost limits (aliases, depth, top-level fields, `limit`) on every query, the
   * site's own collections included, and Payload's complexity cap lowered to the newsroom's.
   * By default they apply to queries that read or write the newsroom's collections.
   * @default false
   */
  graphQL?: boolean
  /**
   * The newsroom's input checks on Payload's own collections and endpoints too (preferences,
   * document locks, jobs, versions of what keeps none, the search plugin's reindex): in Payload
   * 3.90 some bad input there reaches the database and answers 500. Payload adds those
   * collections after every plugin has run, so the checks are added to them when Payload
   * starts, not through config: opt in knowing that.
   * @default false
   */
  payloadCollections?: boolean
}

/** Notifications to staff, written by the server, and the emails that carry them. */
export type NewsroomNotificationsOptions = {
  /**
   * Email each notification to its recipient through Payload's email adapter (the app's
   * `email` setting; Payload's default only writes them to the console). Sent after the write,
   * never holding it up: a failing mail server is logged, the write still succeeds.
   * @default true
   */
  email?: boolean
}

export type NewsroomPluginOptions = {
  /** Purging caches outside the process when content changes. */
  cache?: NewsroomCacheOptions
  /**
   * Keep the collections in the config (so the schema and stored content stay) but skip the
   * plugin's endpoints and start-up work.
   * @default false
   */
  disabled?: boolean
  /** The rating scale of fact-checks (an article's `factCheck.rating`). */
  factChecks?: NewsroomFactCheckOptions
  /** The newsroom's rules on the site's own collections and users too (off by default). */
  hardening?: NewsroomHardeningOptions
  /** Scheduled publish and unpublish: run by the plugin unless turned off. */
  jobs?: NewsroomJobsOptions
  /**
   * Caps on REST and GraphQL reads (`limit`, GraphQL cost); `false` turns them all off.
   * @default { graphQL: { maxAliases: 10, maxComplexity: 500, maxDepth: 10, maxRootFields: 10 }, maxLimit: 100 }
   */
  limits?: false | NewsroomLimitsOptions
  /**
   * The deepest nesting accepted in a write's data or a query's `where`: deeper input is a 400.
   * @default 100
   */
  maxInputDepth?: number
  /**
   * The largest number of items an article may list under "Related coverage".
   * @default 6
   */
  maxRelatedCoverage?: number
  /**
   * Notifications to staff (assigned, submitted for review, mentioned in a comment, a quote in
   * their live story disputed, their story published), each also emailed through Payload's email
   * adapter. `false` turns them off (the collections stay, so the schema does not change).
   * @default { email: true }
   */
  notifications?: false | NewsroomNotificationsOptions
  /**
   * Old story URLs answer 301 to the new one after an editor changes a live slug, with Payload's
   * redirects plugin. A site that already runs plugin-redirects (before this plugin) keeps its
   * `redirects` collection, which then also points at stories; otherwise the plugin adds one.
   * `false` leaves redirects out.
   * @default true
   */
  redirects?: boolean
  /** Who holds newsroom roles, and who may grant them. */
  roles?: NewsroomRolesOptions
  /**
   * Reader search with Payload's search plugin, over published stories only. A site that
   * already runs plugin-search (before this plugin) keeps its `search` collection, which then
   * also holds stories; otherwise the plugin adds one. `false` leaves search out.
   * @default true
   */
  search?: boolean
  /**
   * Meta title, description and share image on stories and cases, with @payloadcms/plugin-seo
   * (the site's Open Graph, Twitter and JSON-LD read them). Options here are passed to it;
   * `false` leaves it out (and the `meta` fields with it: a schema change).
   * @default {}
   */
  seo?: false | NewsroomSeoOptions
  /** Per-collection overrides, applied after the plugin builds each collection. */
  overrides?: {
    /** Overrides for `activity`, the activity log. */
    activity?: CollectionOverride
    /** Overrides for `articles`. */
    articles?: CollectionOverride
    /** Overrides for `cases`. */
    cases?: CollectionOverride
    /** Overrides for `claims`. */
    claims?: CollectionOverride
    /** Overrides for `editorial-comments`. */
    editorialComments?: CollectionOverride
    /** Overrides for `media`, used only when the app has no `media` collection of its own. */
    media?: CollectionOverride
    /** Overrides for `notifications`. */
    notifications?: CollectionOverride
    /** Overrides for `people`. */
    people?: CollectionOverride
    /** Overrides for `quotes`. */
    quotes?: CollectionOverride
    /** Overrides for `related-stories`. */
    relatedStories?: CollectionOverride
    /** Overrides for `sections`. */
    sections?: CollectionOverride
    /** Overrides for `topics`. */
    topics?: CollectionOverride
    /** Overrides for `users`, used only when the app has no `users` collection of its own. */
    users?: CollectionOverride
  }
  /** The publication's name and language, and where its site shows stories and cases. */
  site?: NewsroomSiteOptions
}
