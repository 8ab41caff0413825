import type { FlattenedBlock, Payload } from 'payload'

/** A blocks field's blocks, with references to the config's shared blocks resolved. */
export const blocksOf = (
  field: { blockReferences?: (FlattenedBlock | string)[]; blocks: FlattenedBlock[] },
  payload: Payload,
): FlattenedBlock[] =>
  (field.blockReferences ?? field.blocks).flatMap((block) => {
    if (typeof block !== 'string') {
      return [block]
    }
    const shared = (payload.blocks as Record<string, FlattenedBlock | undefined>)?.[block]
    return shared ? [shared] : []
  })
