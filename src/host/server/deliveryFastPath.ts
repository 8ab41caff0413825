import type { ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import type { RawHandler } from './beforeExpress'

import { deliveryHandlerFor, type DeliveryAnswer } from 'payload-plugin-newsroom/delivery'

const send = (res: ServerResponse, { body, headers, status }: DeliveryAnswer) => {
  res.writeHead(status, headers)
  res.end(body ?? undefined)
}

/**
 * The delivery URLs answered on node's request, before express: the plugin's delivery handler,
 * the same answers as its Payload endpoints (articles, ninjs, 304s, partners, renamed stories,
 * 404s), without the express stack and Next's routing that would otherwise cost more than the
 * cache lookup itself. A held article is written without a promise in between. Logged by
 * beforeExpress, like the page cache's hits. Undefined when the plugin's delivery is off.
 */
export const deliveryFastPath = ({ payload }: { payload: Payload }): RawHandler | undefined => {
  const handle = deliveryHandlerFor(payload)
  if (!handle) {
    return undefined
  }
  return (req, res, next) => {
    const answer = handle({
      authorization: req.headers.authorization,
      ifNoneMatch: req.headers['if-none-match'],
      method: req.method ?? '',
      url: req.url ?? '',
    })
    if (!answer) {
      next()
    } else if (answer instanceof Promise) {
      // Should the handler itself fail, Payload's endpoint (behind express and Next) answers.
      answer.then(
        (ready) => send(res, ready),
        () => next(),
      )
    } else {
      send(res, answer)
    }
  }
}
