// The one read path for published content: what the delivery endpoints answer, for a host's
// own pages or its own fast path in front of Payload.
export { createDeliveryCache, deliveryCacheFor } from '../delivery/deliveryCache'
export type { DeliveryCache, DeliveryCacheOptions } from '../delivery/deliveryCache'
export { DELIVERY_ENDPOINT } from '../delivery/deliveryEndpoints'
export {
  DELIVERY_CACHE_CONTROL,
  deliveryPathFor,
  deliveryResponse,
  NOT_FOUND_CACHE_CONTROL,
} from '../delivery/deliveryResponse'
export type { DeliveryHttpResponse } from '../delivery/deliveryResponse'
export { encodeRepresentation } from '../delivery/encodeRepresentation'
export {
  PARTNER_CACHE_CONTROL,
  partnerRepresentation,
  readsEmbargoed,
  userFromAuthorization,
} from '../delivery/partnerDelivery'
export type { DeliveryFormat, DeliveryRepresentation } from '../delivery/encodeRepresentation'
export { escapeHtml } from '../delivery/escapeHtml'
export { movedArticle } from '../redirects/movedArticle'
export type { MovedArticle } from '../redirects/movedArticle'
export { withoutInternalFields } from '../delivery/withoutInternalFields'
export {
  deliveryPopulate,
  loadDeliveryArticle,
  renderDeliveryArticle,
} from '../delivery/renderDeliveryArticle'
export type { LoadedDelivery } from '../delivery/renderDeliveryArticle'
export { NINJS_SCHEMA_URI, renderNinjs } from '../delivery/renderNinjs'
export { shapeBylines } from '../delivery/shapeDeliveryArticle'
export type * from '../delivery/types'
export { ifNoneMatchMatches } from '../delivery/ifNoneMatch'
export { localCacheStats, registerLocalCache } from '../delivery/localCaches'
export type { Invalidatable, LocalCacheStats } from '../delivery/localCaches'
// Surrogate keys and the change feed: how a host's own caches learn what changed.
export { articleKeys } from '../cache/articleKeys'
export { changeFeedFor, createChangeFeed, DEFAULT_CHECK_INTERVAL_MS } from '../cache/changeFeed'
export type { Change, ChangeFeed, ChangeFeedOptions, ChangeListener } from '../cache/changeFeed'
export { createInvalidationClock } from '../cache/invalidationClock'
export type { InvalidationClock } from '../cache/invalidationClock'
export {
  API_READ_HEADER,
  beginApiRead,
  endApiRead,
  recordApiRead,
  refuseApiRead,
} from '../cache/apiReads'
export type { ApiRead } from '../cache/apiReads'
export { announcesChanges } from '../cache/apiReadHooks'
export {
  apiListKey,
  ARTICLE_LIST_KEY,
  CASE_LIST_KEY,
  PEOPLE_LIST_KEY,
  SECTION_LIST_KEY,
  caseCitationsKey,
  documentKey,
  FRONT_PAGE_KEY,
  isValidKey,
} from '../cache/keys'
export { createTaggedLru } from '../cache/taggedLru'
export type { Tagged, TaggedLru } from '../cache/taggedLru'
