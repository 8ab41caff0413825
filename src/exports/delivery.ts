// What a host needs of the published read path: load a story, render it, answer the delivery
// URLs, and keep its own caches current (surrogate keys and the change feed).

// Load: the published story as an anonymous reader (or a previewing user) may read it.
export { deliveryCacheFor } from '../delivery/deliveryCache'
export type { DeliveryCache } from '../delivery/deliveryCache'
export { deliveryPopulate, loadDeliveryArticle } from '../delivery/renderDeliveryArticle'
export type { LoadedDelivery } from '../delivery/renderDeliveryArticle'
export type * from '../delivery/types'

// Render: the delivery shape as bytes or ninjs, and the pieces a host's own listings (feeds)
// shape documents with.
export { encodeRepresentation } from '../delivery/encodeRepresentation'
export type { DeliveryFormat, DeliveryRepresentation } from '../delivery/encodeRepresentation'
export { renderNinjs } from '../delivery/renderNinjs'
export { shapeBylines } from '../delivery/shapeDeliveryArticle'
export { withoutInternalFields } from '../delivery/withoutInternalFields'

// Serve: the delivery API's one handler, for a host that answers its URLs before its framework.
export { DELIVERY_CACHE_CONTROL, deliveryHandlerFor } from '../delivery/deliveryHandler'
export type { DeliveryAnswer, DeliveryHandler, DeliveryRequest } from '../delivery/deliveryHandler'
export { ifNoneMatchMatches } from '../delivery/ifNoneMatch'

// Keys: the surrogate keys answers are tagged with (for a CDN's purges and a host's caches), and
// the recording of what a host cache's request to Payload's API read.
export {
  ARTICLE_LIST_KEY,
  CASE_LIST_KEY,
  caseCitationsKey,
  documentKey,
  FRONT_PAGE_KEY,
  isValidKey,
  PEOPLE_LIST_KEY,
  SECTION_LIST_KEY,
} from '../cache/keys'
export { API_READ_HEADER, beginApiRead, endApiRead } from '../cache/apiReads'
export type { ApiRead } from '../cache/apiReads'

// Subscribe: what changed, for a host's own caches, and the store they can build on.
export { changeFeedFor } from '../cache/changeFeed'
export type { Change, ChangeFeed } from '../cache/changeFeed'
export { createKeyedStore } from '../cache/keyedStore'
export type { KeyedStore } from '../cache/keyedStore'
export type { Tagged } from '../cache/taggedLru'
export { localCacheStats, registerLocalCache } from '../delivery/localCaches'
export type { Invalidatable, LocalCacheStats } from '../delivery/localCaches'
