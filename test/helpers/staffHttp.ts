/** Talks to a running instance over HTTP, as the admin and other clients do. */
export type HttpAnswer<T = any> = { body: T; headers: Headers; status: number }

export const httpJson = async <T = any>(
  url: string,
  {
    body,
    formData,
    method = 'GET',
    token,
  }: { body?: unknown; formData?: FormData; method?: string; token?: string } = {},
): Promise<HttpAnswer<T>> => {
  const headers: Record<string, string> = {}
  if (token) {
    headers.Authorization = `JWT ${token}`
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
  }
  const response = await fetch(url, {
    body: formData ?? (body === undefined ? undefined : JSON.stringify(body)),
    headers,
    method,
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // Not JSON (a page, an image): the text is the body.
  }
  return { body: parsed as T, headers: response.headers, status: response.status }
}

export const STAFF_PASSWORD = 'correct horse battery staple'

export type Staff = {
  adminId: number | string
  adminToken: string
  id: number | string
  token: string
}

/**
 * The first account on an empty database (an admin, as Payload's first-register makes it),
 * then an account with `role` created by that admin. Tokens are valid on every instance
 * sharing the database and PAYLOAD_SECRET.
 */
export const createStaff = async (baseUrl: string, role: 'editor' | 'writer'): Promise<Staff> => {
  const suffix = Math.random().toString(36).slice(2, 8)
  const first = { email: `admin-${suffix}@newsroom.test`, password: STAFF_PASSWORD }
  let login = await httpJson(`${baseUrl}/api/users/first-register`, {
    body: { ...first, name: 'Test admin' },
    method: 'POST',
  })
  if (login.status !== 200) {
    throw new Error(`first-register answered ${login.status}: ${JSON.stringify(login.body)}`)
  }
  const user = { email: `${role}-${suffix}@newsroom.test`, password: STAFF_PASSWORD }
  const created = await httpJson(`${baseUrl}/api/users`, {
    body: { ...user, name: `Test ${role}`, roles: [role] },
    method: 'POST',
    token: login.body.token as string,
  })
  if (created.status !== 201) {
    throw new Error(
      `creating the ${role} answered ${created.status}: ${JSON.stringify(created.body)}`,
    )
  }
  const admin = login.body as { token: string; user: { id: number | string } }
  login = await httpJson(`${baseUrl}/api/users/login`, { body: user, method: 'POST' })
  return {
    adminId: admin.user.id,
    adminToken: admin.token,
    id: created.body.doc.id,
    token: login.body.token as string,
  }
}
