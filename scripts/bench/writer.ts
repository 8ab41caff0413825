import type { Payload } from 'payload'

/** The sampled stories' ids, as the other instance finds them to edit. */
export const storiesBySlug = async (payload: Payload, slugs: string[]) =>
  (
    await payload.find({
      collection: 'articles',
      depth: 0,
      limit: slugs.length,
      pagination: false,
      select: { slug: true },
      where: { slug: { in: slugs } },
    })
  ).docs

/**
 * Another instance on the same database publishing every `everyMs`: an edit of a live story's
 * dek, rotating over `slugs`, through Payload with its hooks, so the change log moves and the
 * server under load (and Varnish, through the purge option) learns of it as in production.
 */
export const startWriter = async ({
  everyMs = 2000,
  payload,
  slugs,
}: {
  everyMs?: number
  payload: Payload
  slugs: string[]
}): Promise<{ stop: () => Promise<number> }> => {
  const docs = await storiesBySlug(payload, slugs)
  let writes = 0
  let running: Promise<unknown> = Promise.resolve()
  const timer = setInterval(() => {
    const doc = docs[writes % docs.length]
    writes += 1
    running = running.then(() =>
      payload.update({
        collection: 'articles',
        data: { dek: `Updated at ${new Date().toISOString()}.` },
        id: doc.id,
      }),
    )
  }, everyMs)
  return {
    stop: async () => {
      clearInterval(timer)
      await running
      return writes
    },
  }
}
