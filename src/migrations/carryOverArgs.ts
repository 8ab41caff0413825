import type { Payload, PayloadRequest } from 'payload'

/** What a data carry-over gets, from a SQL migration or MongoDB's start-up step. */
export type CarryOverArgs = {
  payload: Payload
  /** The migration's request, so every write joins its transaction. */
  req?: Partial<PayloadRequest>
}
