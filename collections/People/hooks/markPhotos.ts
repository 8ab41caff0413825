import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { markLiveMedia } from '../../Articles/hooks/markLiveRecords'
import { relationIds } from '../../../src/utilities/ids'

type Person = { id: number | string; inLiveStory?: boolean; photo?: unknown }

/**
 * A person readers see shows their photo: when the person's flag or photo changes, the photo
 * they have and the one they had are marked with whether readers still see them.
 */
export const markPhotos: CollectionAfterChangeHook<Person> = async ({ doc, previousDoc, req }) => {
  const before = relationIds([previousDoc?.photo])
  const after = relationIds([doc.photo])
  const changed =
    Boolean(previousDoc?.inLiveStory) !== Boolean(doc.inLiveStory) ||
    String(before[0]) !== String(after[0])
  if (changed) await markLiveMedia(req, [...before, ...after])
  return doc
}

/** A deleted person shows no photo any more. */
export const releasePhoto: CollectionAfterDeleteHook<Person> = async ({ doc, req }) => {
  await markLiveMedia(req, relationIds([doc.photo]))
  return doc
}
