import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'

/**
 * What the admin's requests carry in a browser: the session cookie, and the headers that tell
 * Payload the request comes from the admin's own page (with \`csrf\` set, it ignores a session
 * cookie on a request that shows neither a listed Origin nor \`Sec-Fetch-Site: same-origin\`).
 */
export type EditorHeaders = { cookie: string; origin: string; 'sec-fetch-site': 'same-origin' }

/**
 * An editor account made for the run, signed in through the server's REST login as the admin
 * signs in, and checked to be signed in with the headers its requests will send.
 */
export const signInEditor = async ({
  baseUrl,
  payload,
}: {
  baseUrl: string
  payload: Payload
}): Promise<EditorHeaders> => {
  const email = `bench-editor-${randomBytes(4).toString('hex')}@newsroom.test`
  const password = `Bench-${randomBytes(12).toString('hex')}`
  await payload.create({
    collection: 'users',
    data: { email, name: 'Bench editor', password, roles: ['editor'] },
  })
  const response = await fetch(`${baseUrl}/api/users/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  const body = (await response.json()) as { token?: string }
  if (response.status !== 200 || !body.token) {
    throw new Error(`bench preflight: the bench editor's login answered ${response.status}`)
  }
  const headers: EditorHeaders = {
    cookie: `payload-token=${body.token}`,
    origin: new URL(baseUrl).origin,
    'sec-fetch-site': 'same-origin',
  }
  const me = await fetch(`${baseUrl}/api/users/me`, { headers })
  const { user } = (await me.json()) as { user?: { roles?: string[] } | null }
  if (!user?.roles?.includes('editor')) {
    throw new Error('bench preflight: the bench editor is not signed in with its session cookie')
  }
  return headers
}
