import type { FieldHook, PayloadRequest, TypedFallbackLocale } from 'payload'

import type { Id } from '../src/documents'

import { createDataloaderCacheKey } from 'payload'

import { recordApiRead } from '../src/cache/apiReads'
import { documentKey } from '../src/cache/keys'

type BylineNameOptions = {
  /** Slug of the collection of staff accounts. */
  authorsCollection: string
  /** Slug of the collection of people, or null when bylines name none. */
  peopleCollection: null | string
}

/**
 * Through the request's dataloader, as Payload populates relationships: the names a list of
 * stories needs are read in one query per collection, and each once per request.
 */
const lookUpName = async (
  req: PayloadRequest,
  collection: string,
  id: Id,
): Promise<null | string> => {
  // Read past access (see bylineName), so an API answer showing the name names its record.
  recordApiRead(req, [documentKey(collection, id)])
  // Payload gives every request its dataloader (createLocalReq, createPayloadRequest); one made
  // by hand without it reads the name alone, leaving the request as it came.
  const doc = (
    req.payloadDataLoader
      ? await req.payloadDataLoader.load(
          createDataloaderCacheKey({
            collectionSlug: collection,
            currentDepth: 0,
            depth: 0,
            docID: id,
            draft: false,
            // As Payload's own population keys them; unset on a site without localization.
            fallbackLocale: req.fallbackLocale as TypedFallbackLocale,
            locale: req.locale as string,
            overrideAccess: true,
            select: { name: true },
            showHiddenFields: false,
            transactionID: req.transactionID as string,
          }),
        )
      : await req.payload.findByID({
          id,
          collection: collection as 'users',
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          select: { name: true },
        })
  ) as { name?: unknown } | null | undefined
  return typeof doc?.name === 'string' ? doc.name : null
}

const nameOf = (
  req: PayloadRequest,
  collection: null | string,
  value: unknown,
): null | Promise<null | string> | string => {
  if (!collection || value === null || value === undefined || value === '') {
    return null
  }
  if (typeof value === 'object') {
    const name = (value as { name?: unknown }).name
    return typeof name === 'string' ? name : null
  }
  return lookUpName(req, collection, value as Id)
}

/**
 * The name a byline prints: its person's, else the free-text credit, else the author account's.
 * Readers may not read staff accounts, yet a byline is public by nature, so only the name is
 * read, bypassing access.
 */
export const bylineName =
  ({ authorsCollection, peopleCollection }: BylineNameOptions): FieldHook =>
  async ({ req, siblingData }) => {
    const person = await nameOf(req, peopleCollection, siblingData?.person)
    if (person) {
      return person
    }
    const credit = typeof siblingData?.credit === 'string' ? siblingData.credit.trim() : ''
    if (credit) {
      return credit
    }
    return nameOf(req, authorsCollection, siblingData?.author)
  }
