import type { Payload } from 'payload'

import type { RestClient } from './rest'

type Role = 'admin' | 'editor' | 'writer'

export const TEST_PASSWORD = 'correct horse battery staple'

/** Creates a staff account and returns its JWT, as the admin UI would hold after login. */
export const signIn = async (payload: Payload, rest: RestClient, role: Role): Promise<string> => {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@newsroom.test`
  await payload.create({
    collection: 'users',
    data: { name: `Test ${role}`, email, password: TEST_PASSWORD, roles: [role] },
  })
  return rest.login(email, TEST_PASSWORD)
}
