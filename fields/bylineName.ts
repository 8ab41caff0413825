import type { FieldHook, PayloadRequest } from 'payload'

import type { Id } from '../src/documents'

import { recordApiRead } from '../src/cache/apiReads'
import { documentKey } from '../src/cache/keys'
import { contextKeys } from '../src/requestContext'

type BylineNameOptions = {
  /** Slug of the collection of staff accounts. */
  authorsCollection: string
  /** Slug of the collection of people, or null when bylines name none. */
  peopleCollection: null | string
}

/** Names are looked up once per request, however many stories a list holds. */
const lookUpName = (req: PayloadRequest, collection: string, id: Id): Promise<null | string> => {
  const names = (req.context[contextKeys.bylineNames] ??= new Map())
  const key = `${collection}:${String(id)}`
  // Read without the request (past access), so an API answer showing the name names its record.
  recordApiRead(req, [documentKey(collection, id)])
  if (!names.has(key)) {
    names.set(
      key,
      req.payload
        .findByID({
          id,
          collection: collection as 'users',
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          select: { name: true },
        })
        .then((doc) => (typeof doc?.name === 'string' ? doc.name : null)),
    )
  }
  return names.get(key) as Promise<null | string>
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
