import type { Payload } from 'payload'

import type { RestClient } from './rest'

import { TEST_PASSWORD } from './users'

type Role = 'admin' | 'editor' | 'writer'

export type StaffAccount = {
  email: string
  /** The @handle that mentions them in a comment: their email address before the @. */
  handle: string
  id: number | string
  token: string
  user: Record<string, unknown> & { id: number | string }
}

/** A signed-in staff account whose id and address a suite needs (mentions, notifications). */
export const staffAccount = async (
  payload: Payload,
  rest: RestClient,
  role: Role,
): Promise<StaffAccount> => {
  const handle = `${role}-${Math.random().toString(36).slice(2, 8)}`
  const email = `${handle}@newsroom.test`
  const user = await payload.create({
    collection: 'users',
    data: { name: `Test ${role} ${handle}`, email, password: TEST_PASSWORD, roles: [role] },
  })
  const token = await rest.login(email, TEST_PASSWORD)
  return { email, handle, id: user.id, token, user: { ...user, collection: 'users' } }
}
