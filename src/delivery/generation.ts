import type { Payload, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { DELIVERY_STATE_SLUG } from './deliveryStateGlobal'

type StateRow = { generation?: null | string; id?: unknown } | null

/** The current content generation; empty before anything has been written. */
export const readGeneration = async (payload: Payload): Promise<string> => {
  const row = (await payload.db.findGlobal({ slug: DELIVERY_STATE_SLUG })) as StateRow
  return row?.generation ?? ''
}

/**
 * Replaces the generation with a fresh random token, inside the writer's transaction so the new
 * token and the content it announces commit together. A random token rather than a counter:
 * two instances incrementing the same value at once could both write n + 1, and an instance
 * that read n + 1 between the two writes would never notice the second.
 */
export const bumpGeneration = async ({
  payload,
  req,
}: {
  payload: Payload
  req?: Partial<PayloadRequest>
}): Promise<string> => {
  const generation = randomUUID()
  const data = { generation, updatedAt: new Date().toISOString() }
  const row = (await payload.db.findGlobal({ slug: DELIVERY_STATE_SLUG, req })) as StateRow
  if (row?.id !== undefined && row?.id !== null) {
    await payload.db.updateGlobal({ slug: DELIVERY_STATE_SLUG, data, req, returning: false })
  } else {
    await payload.db.createGlobal({
      slug: DELIVERY_STATE_SLUG,
      data: { ...data, createdAt: data.updatedAt },
      req,
      returning: false,
    })
  }
  return generation
}
