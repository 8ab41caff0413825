import type { CollectionConfig, Field } from 'payload'

/** Lets an app replace the plugin's fields while keeping access, hooks and the slug. */
export type FieldsOverride = (args: { defaultFields: Field[] }) => Field[]

/** Changes an app may make to one of the plugin's collections. */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  /** Receives the plugin's fields and returns the fields the collection should have. */
  fields?: FieldsOverride
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
}
