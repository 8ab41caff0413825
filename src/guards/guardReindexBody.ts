import type { Endpoint, PayloadRequest } from 'payload'

import { isPlainObject } from './isPlainObject'

const refuse = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })

/**
 * The search plugin's `POST /api/search/reindex` destructures `collections` from the body and
 * calls `.every` on it before it checks anything: a body of `null`, `{"collections": 5}` or
 * text answered 500. Checked first here; the plugin's handler then reads the same body.
 */
export const guardReindexBody = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  custom: { ...endpoint.custom, newsroomReindexGuard: true },
  handler: async (req: PayloadRequest) => {
    let body: unknown
    try {
      body = await req.json?.()
    } catch (error) {
      return refuse(
        `The request body must be JSON, as in {"collections": ["articles"]}: ${(error as Error).message.slice(0, 200)}`,
      )
    }
    const collections = isPlainObject(body) ? body.collections : undefined
    if (!Array.isArray(collections) || !collections.every((slug) => typeof slug === 'string')) {
      return refuse('"collections" must be a list of collection names, as in ["articles"].')
    }
    req.json = () => Promise.resolve(body)
    return endpoint.handler(req)
  },
})
