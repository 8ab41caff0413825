/** Ids are integers on SQL databases and ObjectId strings on MongoDB. */
export type DeliveryId = number | string

/** The Lexical editor state exactly as stored, with populated documents reduced to public fields. */
export type DeliveryBody = { [key: string]: unknown; root: { children: unknown[] } }

export type DeliveryByline = {
  /** The staff account's name when readers may see it, otherwise the free-text credit. */
  name: string
}

/** One of the sizes Payload stored for an image (`thumbnail` 400, `card` 800, `hero` 1600). */
export type DeliveryImageSize = {
  height: null | number
  name: string
  url: string
  width: number
}

export type DeliveryImage = {
  alt: null | string
  caption: null | string
  credit: null | string
  /** Where the editor marked the subject, in percent from the left and top: crops keep it. */
  focalPoint: { x: number; y: number } | null
  height: null | number
  id: DeliveryId
  mimeType: null | string
  /** The stored smaller sizes, narrowest first: a page's `srcset`. */
  sizes: DeliveryImageSize[]
  /** As Payload serves it: absolute when the app sets `serverURL`, otherwise a path. */
  url: null | string
  width: null | number
}

/** The story's search and share texts and image, as the editor set them (or null). */
export type DeliveryMeta = {
  description: null | string
  image: DeliveryImage | null
  title: null | string
}

export type DeliveryCorrection = {
  at: null | string
  text: string
  type: string
}

export type DeliveryArticleFields = {
  body: DeliveryBody | null
  bylines: DeliveryByline[]
  corrections: DeliveryCorrection[]
  dateline: null | string
  dek: null | string
  firstPublishedAt: null | string
  headline: string
  hero: {
    caption: null | string
    credit: null | string
    image: DeliveryImage | null
  } | null
  id: DeliveryId
  /** What search engines and social networks show (plugin-seo's fields); null where unset. */
  meta: DeliveryMeta
  publishedAt: null | string
  /** When readers last saw the story change after it first went out; null if it never has. */
  revisedAt: null | string
  section: null | string
  slug: string
  topics: string[]
  updatedAt: string
}

export type DeliveryRelatedItem = {
  /** Our own story, only when it is published: a draft's headline and slug never leave. */
  article: { headline: string; slug: string } | null
  dek: null | string
  headline: string
  id: DeliveryId
  outlet: null | string
  publishedAt: null | string
  /** The external URL, `/news/<slug>` for a published story of ours, or null. */
  url: null | string
}

export type DeliveryQuote = {
  id: DeliveryId
  medium: null | string
  sourceOutlet: null | string
  speaker: { name: null | string; organization: null | string; title: null | string }
  text: string
  verification: { status: null | string }
}

export type DeliveryCase = {
  caption: string
  citation: null | string
  decidedAt: null | string
  decidedBy: null | string
  holding: null | string
  id: DeliveryId
  slug: null | string
  status: null | string
}

/** One published article as a site renders it: everything resolved, nothing internal. */
export type DeliveryArticle = {
  article: DeliveryArticleFields
  cases: DeliveryCase[]
  quotes: DeliveryQuote[]
  relatedCoverage: DeliveryRelatedItem[]
}
