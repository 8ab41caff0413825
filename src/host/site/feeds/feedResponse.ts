/**
 * Feed readers and crawlers poll; a minute's caching spares the database while a newly
 * published story still shows within a minute.
 */
export const FEED_CACHE_CONTROL = 'public, max-age=60'

export const feedResponse = (body: string, contentType: string): Response =>
  new Response(body, {
    headers: { 'Cache-Control': FEED_CACHE_CONTROL, 'Content-Type': contentType },
  })

/** No such sitemap page: cached briefly, since the next story may create the next page. */
export const feedNotFound = (): Response =>
  new Response('Not found\n', {
    headers: { 'Cache-Control': 'public, max-age=10', 'Content-Type': 'text/plain; charset=utf-8' },
    status: 404,
  })
