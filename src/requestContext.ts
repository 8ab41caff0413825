/**
 * The keys the plugin keeps in a request's `context`, one place for all of them, and their
 * types, added to Payload's `RequestContext` so every reader gets the type without a cast.
 */
export const contextKeys = {
  /** Cases read while building a precedent chain build none of their own. */
  buildingPrecedentChain: 'newsroomBuildingPrecedentChain',
  /** Set by the delivery hooks: whether this write is a draft save. */
  deliveryDraftSave: 'newsroomDeliveryDraftSave',
  /** People's live flags are set one call at a time per request. */
  livePeopleQueue: 'newsroomLivePeopleQueue',
  /** Set by the articles' operation hook: whether this write is a draft save. */
  draftSave: 'newsroomDraftSave',
  /** Set by the articles' operation hook: the fields the client sent, before Payload fills in. */
  sentFields: 'newsroomSentFields',
  /** Set by the articles' operation hook: whether the client asked for a `_status`. */
  statusSent: 'newsroomStatusSent',
  /** The seed and imports carry historical dates in; nothing else may set them. */
  preservePublishingDates: 'newsroomPreservePublishingDates',
  /** One timestamp per save, so a first publish sets both dates to the same instant. */
  publishMoment: 'newsroomPublishMoment',
  /** Set by the redirect hook: the live slug a write changed, and to what. */
  slugMoved: 'newsroomSlugMoved',
  /** Announces a write to other instances without dropping this process's caches. */
  skipLocalDeliveryInvalidation: 'newsroomDeliverySkipLocalInvalidation',
} as const

declare module 'payload' {
  export interface RequestContext {
    newsroomBuildingPrecedentChain?: boolean
    newsroomBylineNames?: Map<string, Promise<null | string>>
    newsroomDeliveryDraftSave?: boolean
    newsroomDeliverySkipLocalInvalidation?: boolean
    newsroomDraftSave?: boolean
    newsroomLivePeopleQueue?: Promise<void>
    newsroomPreservePublishingDates?: boolean
    newsroomPublishMoment?: string
    newsroomSentFields?: string[]
    newsroomSlugMoved?: { from: string; to: string }
    newsroomStatusSent?: boolean
  }
}
