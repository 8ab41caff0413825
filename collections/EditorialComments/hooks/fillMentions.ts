import type { FieldHook, Where } from 'payload'

import type { NewsroomUser } from '../../../src/documents'

import { hasRole, roles } from '../../../src/access/roles'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { MAX_MENTIONS, mentionHandles } from '../../../src/utilities/mentions'

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
