import type { FieldHook } from 'payload'

import type { Id } from '../src/documents'

import { contextKeys } from '../src/requestContext'

/**
 * The name a byline prints: the free-text credit, or the author account's name. Readers may not
 * read staff accounts, yet a byline is public by nature, so only the name is read, bypassing
 * access. Names are looked up once per request, however many stories a list holds.
 */
export const bylineName =
  (authorsCollection: string): FieldHook =>
  async ({ req, siblingData }) => {
    const credit = typeof siblingData?.credit === 'string' ? siblingData.credit.trim() : ''
    if (credit) {
      return credit
    }
    const author = siblingData?.author as { id?: Id; name?: unknown } | Id | null | undefined
    if (author && typeof author === 'object') {
      return typeof author.name === 'string' ? author.name : null
    }
    if (author === null || author === undefined || author === '') {
      return null
    }
    const names = (req.context[contextKeys.bylineNames] ??= new Map())
    const key = String(author)
    if (!names.has(key)) {
      names.set(
        key,
        req.payload
          .findByID({
            id: author,
            collection: authorsCollection as 'users',
            depth: 0,
            disableErrors: true,
            overrideAccess: true,
            select: { name: true },
          })
          .then((user) => (typeof user?.name === 'string' ? user.name : null)),
      )
    }
    return names.get(key)
  }
