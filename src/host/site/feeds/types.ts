import type { Payload } from 'payload'

/** What every feed and sitemap is built from. */
export type FeedContext = {
  /** The time to build for: fixed in tests, the request's moment in the routes. */
  now: Date
  /** The public origin absolute URLs start with, without a trailing slash. */
  origin: string
  payload: Payload
}
