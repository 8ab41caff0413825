import type { FieldHook, Where } from 'payload'

import type { NewsroomUser } from '../../../src/documents'

import { hasRole, roles } from '../../../src/access/roles'
import { collectionSlugs } from '../../../src/collectionSlugs'

/** More handles than this in one comment is not a conversation: the rest are not looked up. */
const MAX_MENTIONS = 20

/**
 * The @handles in a comment's body: `@` at the start or after a space or punctuation (so an
 * email address in the text is no mention), then the handle; a sentence's last full stop is
 * not part of it. Lower-cased, each once.
 */
export const mentionHandles = (body: unknown): string[] => {
  if (typeof body !== 'string') {
    return []
  }
  const handles = new Set<string>()
  for (const match of body.matchAll(/(?<![\w.@])@([\w][\w.+-]*)/g)) {
    handles.add(match[1].replace(/[.]+$/, '').toLowerCase())
    if (handles.size >= MAX_MENTIONS) {
      break
    }
  }
  return [...handles]
}

const localPart = (email: unknown) =>
  typeof email === 'string' ? email.slice(0, email.lastIndexOf('@')).toLowerCase() : ''

/**
 * Who a comment mentions, from its body: `@writer` is the staff account whose email address
 * starts `writer@`. Set by the server on every change of the body (the field refuses client
 * values, and this hook runs after that check), so a mention is always someone the text names.
 */
export const fillMentions: FieldHook = async ({ originalDoc, req, siblingData }) => {
  const body = (siblingData as { body?: unknown } | undefined)?.body
  if (body === undefined) {
    return (originalDoc as { mentions?: unknown } | undefined)?.mentions ?? []
  }
  const handles = mentionHandles(body)
  if (handles.length === 0) {
    return []
  }
  const where: Where = {
    or: handles.map((handle) => ({ email: { like: `${handle}@` } })),
  }
  const { docs } = await req.payload.find({
    collection: collectionSlugs.users,
    depth: 0,
    limit: MAX_MENTIONS * 5,
    overrideAccess: true,
    pagination: false,
    req,
    select: { email: true, roles: true },
    where,
  })
  return (docs as NewsroomUser[])
    .filter((user) => hasRole(user, ...roles) && handles.includes(localPart(user.email)))
    .map((user) => user.id)
}
