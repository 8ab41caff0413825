import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

/** A handler on node's own request and response: answers, or passes on with `next()`. */
export type RawHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * Runs `handlers` on node's request before express sees it, then the express app for whatever
 * they pass on. Express's own dispatch (its request and response wrappers, its router) costs
 * more than half of what a cache hit does, so the hits are answered here.
 */
export const beforeExpress =
  (handlers: RawHandler[], app: RequestListener): RequestListener =>
  (req, res) => {
    let index = 0
    const next = () => {
      const handler = handlers[index]
      index += 1
      if (handler) {
        handler(req, res, next)
      } else {
        app(req, res)
      }
    }
    next()
  }
