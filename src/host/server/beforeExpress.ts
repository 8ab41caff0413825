import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

/**
 * A handler on node's own request and response: answers, or passes on with `next()`. A handler
 * that has read the request's body passes on a replay of it (see replayRequest) in its place.
 */
export type RawHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (replacement?: IncomingMessage) => void,
) => void

/** Told of each answer the handlers made themselves; `started` from `performance.now()`. */
export type RawAnswerLog = (req: IncomingMessage, res: ServerResponse, started: number) => void

/**
 * Runs `handlers` on node's request before express sees it, then the express app for whatever
 * they pass on. Express's own dispatch (its request and response wrappers, its router) costs
 * more than half of what a cache hit does, so the hits are answered here. What they answer is
 * logged through `log` (express logs the rest itself).
 */
export const beforeExpress =
  (handlers: RawHandler[], app: RequestListener, log?: RawAnswerLog): RequestListener =>
  (req, res) => {
    const started = performance.now()
    let passedOn = false
    let index = 0
    let current = req
    const next = (replacement?: IncomingMessage) => {
      current = replacement ?? current
      const handler = handlers[index]
      index += 1
      if (handler) {
        handler(current, res, next)
      } else {
        passedOn = true
        app(current, res)
      }
    }
    next()
    if (!log || passedOn) {
      return
    }
    // A hit is answered before next() returns: logged now, without a listener on every hit.
    // Anything still under way (a miss being rendered) is logged when it closes, unless it was
    // passed on to express by then, which logs it itself.
    if (res.writableEnded) {
      log(req, res, started)
    } else {
      res.once('close', () => {
        if (!passedOn) {
          log(req, res, started)
        }
      })
    }
  }
