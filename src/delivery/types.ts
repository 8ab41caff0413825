/** Ids are integers on SQL databases and ObjectId strings on MongoDB. */
export type DeliveryId = number | string

/** The Lexical editor state exactly as stored, with populated documents reduced to public fields. */
export type DeliveryBody = { [key: string]: unknown; root: { children: unknown[] } }

/** A person or organization a story names, as readers may see them. */
export type DeliveryPersonRef = {
  id: DeliveryId
  /** An organization (a court, an agency, a group), not one person: schema.org and ninjs say so. */
  isOrganization: boolean
  /** `staff`, `contributor` or `source`: the part they play, whether person or organization. */
  kind: null | string
  name: string
  slug: string
}

export type DeliveryByline = {
  /** The person's name, else the free-text credit, else the staff account's name. */
  name: string
  /** The staff member or contributor, whose author page the byline links to; null for a credit. */
  person?: DeliveryPersonRef | null
}

/** Everyone the story names, once each, with every part they play in it. */
export type DeliveryPerson = DeliveryPersonRef & {
  /**
   * `author` (a byline), `quoted` (a quote's speaker), `claimant`, `counsel`, `judge` or `other`
   * (a party to a case it cites), `claimed` (made the claim it checks).
   */
  roles: string[]
}

export type DeliveryRating = {
  bestRating: number
  label: string
  ratingValue: number
  value: string
  worstRating: number
}

/** The claim a fact-check rates, and the rating on the newsroom's scale. */
export type DeliveryFactCheck = {
  claim: {
    appearance: null | string
    claimant: DeliveryPersonRef | null
    claimedAt: null | string
    id: DeliveryId
    sourceUrl: null | string
    text: string
  }
  rating: DeliveryRating | null
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
  /**
   * While the story is under embargo (only partners get it then), the time it lifts (ISO 8601);
   * absent otherwise, as ninjs' `embargoed`.
   */
  embargoed?: string
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
  /** As printed in the story; `person` is the record, when the speaker has one. */
  speaker: {
    name: null | string
    organization: null | string
    person: DeliveryPersonRef | null
    title: null | string
  }
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
  /** The people involved, where the record names them. */
  parties: { person: DeliveryPersonRef; role: string }[]
  slug: null | string
  status: null | string
}

/** One published article as a site renders it: everything resolved, nothing internal. */
export type DeliveryArticle = {
  article: DeliveryArticleFields
  cases: DeliveryCase[]
  /** Set on a fact-check: the claim it rates (always present in what the API delivers). */
  factCheck?: DeliveryFactCheck | null
  /** Everyone the story names (always present in what the API delivers). */
  people?: DeliveryPerson[]
  quotes: DeliveryQuote[]
  relatedCoverage: DeliveryRelatedItem[]
}
