import type { CollectionConfig, Field } from 'payload'

/** Lets an app replace the plugin's fields while keeping access, hooks and the slug. */
export type FieldsOverride = (args: { defaultFields: Field[] }) => Field[]

/** Changes an app may make to one of the plugin's collections. */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  /** Receives the plugin's fields and returns the fields the collection should have. */
  fields?: FieldsOverride
}

/** How the public site names itself in its RSS feed and Google News sitemap. */
export type NewsroomSiteOptions = {
  /**
   * The language of the stories, as an ISO 639 code ('en', 'es', or 'zh-cn' / 'zh-tw' for
   * Chinese): the RSS channel's `language` and Google News' `news:language`.
   * @default 'en'
   */
  language?: string
  /**
   * The publication's name: the RSS channel title and Google News' `news:name`, which must
   * match the name Google News knows the publication by.
   * @default 'Newsroom'
   */
  name?: string
}

export type NewsroomPluginOptions = {
  /**
   * Keep the collections in the config (so the schema and stored content stay) but skip the
   * plugin's endpoints and start-up work.
   * @default false
   */
  disabled?: boolean
  /**
   * The largest number of items an article may list under "Related coverage".
   * @default 6
   */
  maxRelatedCoverage?: number
  /** Per-collection overrides, applied after the plugin builds each collection. */
  overrides?: {
    /** Overrides for `articles`. */
    articles?: CollectionOverride
    /** Overrides for `cases`. */
    cases?: CollectionOverride
    /** Overrides for `media`, used only when the app has no `media` collection of its own. */
    media?: CollectionOverride
    /** Overrides for `quotes`. */
    quotes?: CollectionOverride
    /** Overrides for `related-stories`. */
    relatedStories?: CollectionOverride
    /** Overrides for `users`, used only when the app has no `users` collection of its own. */
    users?: CollectionOverride
  }
  /** The publication's name and language, for the RSS feed and sitemaps. */
  site?: NewsroomSiteOptions
}
