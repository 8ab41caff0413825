import type { Payload } from 'payload'

import type { Role } from 'payload-plugin-newsroom/types'

/** Public, documented in the README: for trying the roles on a development machine only. */
export const DEMO_PASSWORD = 'newsroom-demo'

export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { name: 'Ada Admin', email: 'admin@newsroom.test', role: 'admin' },
  { name: 'Eddie Editor', email: 'editor@newsroom.test', role: 'editor' },
  { name: 'Wren Writer', email: 'writer@newsroom.test', role: 'writer' },
]

/** One account per role, unless they exist. Refuses outright in production. */
export const seedDemoAccounts = async (payload: Payload): Promise<string[]> => {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Demo accounts have a public password and are never created in production.')
  }
  const created: string[] = []
  for (const account of demoAccounts) {
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { email: { equals: account.email } },
    })
    if (totalDocs === 0) {
      await payload.create({
        collection: 'users',
        data: {
          name: account.name,
          email: account.email,
          password: DEMO_PASSWORD,
          roles: [account.role],
        },
      })
      created.push(account.email)
    }
  }
  return created
}
