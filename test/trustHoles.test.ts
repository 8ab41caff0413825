import type { Payload, TypeWithID } from 'payload'

import type { Id } from '../src/documents'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { siteOrigin } from '../src/host/site/siteOrigin'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn, TEST_PASSWORD } from './helpers/users'

/**
 * Issue 22's trust holes, each tried through every door: REST, GraphQL and the Local API with a
 * user and `overrideAccess: false` (the admin's forms save through REST).
 */

let ctx: TestPayload
let payload: Payload
let rest: RestClient
const tokens = { admin: '', editor: '', writer: '' }
const users = { admin: '' as Id, editor: '' as Id, writer: '' as Id }

const as = (role: keyof typeof tokens) => ({ token: tokens[role] })

const userOf = (role: keyof typeof users) =>
  payload.findByID({ collection: 'users', depth: 0, id: users[role] })

const newAccount = async (name: string) => {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@newsroom.test`
  const account = await payload.create({
    collection: 'users',
    data: { email, name, password: TEST_PASSWORD, roles: ['writer'] },
  })
  return { email, id: account.id as Id }
}

const storedAccount = (id: Id) =>
  payload.db.findOne<TypeWithID & Record<string, any>>({
    collection: 'users',
    where: { id: { equals: id } },
  })

/** GraphQL's type for an id: integers on SQL, ObjectId strings on MongoDB. */
const idType = (id: Id) => (typeof id === 'number' ? 'Int' : 'String')

const signedIn = async (token: string) =>
  (await rest.get('/api/users/me', { token })).body.user as null | { email: string }

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  rest = createRestClient(ctx.config)
  for (const role of ['admin', 'editor', 'writer'] as const) {
    tokens[role] = await signIn(payload, rest, role)
  }
  const { docs } = await payload.find({ collection: 'users', depth: 0, limit: 10 })
  for (const role of ['admin', 'editor', 'writer'] as const) {
    users[role] = docs.find((user) => user.roles?.includes(role))!.id
  }
})

afterAll(async () => {
  await payload?.destroy()
})

describe('unlocking an account is an admin’s, with one answer for every address', () => {
  const lockedAccount = async () => {
    const account = await newAccount('locked')
    await payload.db.updateOne({
      collection: 'users',
      data: { lockUntil: new Date(Date.now() + 10 * 60_000).toISOString(), loginAttempts: 5 },
      id: account.id,
    })
    return account
  }
  const stillLocked = async (id: Id) =>
    expect(new Date((await storedAccount(id))?.lockUntil).getTime()).toBeGreaterThan(Date.now())

  it('REST: a writer and an anonymous caller get the same 403 for known and unknown addresses', async () => {
    const account = await lockedAccount()
    const unknown = `nobody-${Date.now()}@newsroom.test`
    const answers = [
      await rest.post('/api/users/unlock', { body: { email: account.email }, ...as('writer') }),
      await rest.post('/api/users/unlock', { body: { email: unknown }, ...as('writer') }),
      await rest.post('/api/users/unlock', { body: { email: account.email } }),
      await rest.post('/api/users/unlock', { body: { email: unknown } }),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(403)
      expect(answer.body).toEqual(answers[0].body)
    }
    await stillLocked(account.id)
  })

  it('GraphQL and the Local API refuse a non-admin too', async () => {
    const account = await lockedAccount()
    const graphql = await rest.graphql(`mutation { unlockUser(email: "${account.email}") }`, {
      ...as('editor'),
    })
    expect(graphql.body.errors?.length).toBeGreaterThan(0)
    const editor = await userOf('editor')
    const req = await createLocalReq({ user: { ...editor, collection: 'users' } as any }, payload)
    await expect(
      payload.unlock({
        collection: 'users',
        data: { email: account.email } as { email: string; password: string },
        overrideAccess: false,
        req,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await stillLocked(account.id)
  })

  it('an admin unlocks', async () => {
    const account = await lockedAccount()
    const answer = await rest.post('/api/users/unlock', {
      body: { email: account.email },
      ...as('admin'),
    })
    expect(answer.status).toBe(200)
    expect((await storedAccount(account.id))?.lockUntil ?? null).toBeNull()
    await expect(rest.login(account.email, TEST_PASSWORD)).resolves.toEqual(expect.any(String))
  })
})

describe('an email change needs the current password and ends other sessions', () => {
  const newEmail = () => `moved-${Math.random().toString(36).slice(2, 8)}@newsroom.test`

  it('REST: refused without the current password or with a wrong one, by id or by query', async () => {
    const account = await newAccount('mover')
    const token = await rest.login(account.email, TEST_PASSWORD)
    const without = await rest.patch(`/api/users/${account.id}`, {
      body: { email: newEmail() },
      token,
    })
    expect(without.status).toBe(400)
    expect(JSON.stringify(without.body)).toContain('currentPassword')
    const wrong = await rest.patch(`/api/users/${account.id}`, {
      body: { currentPassword: 'not the password at all', email: newEmail() },
      token,
    })
    expect(wrong.status).toBe(400)
    const byQuery = await rest.patch(`/api/users?where[id][equals]=${account.id}`, {
      body: { currentPassword: TEST_PASSWORD, email: newEmail() },
      token,
    })
    expect(byQuery.status).toBe(400)
    expect((await storedAccount(account.id))?.email).toBe(account.email)
    // Saving the form with the address unchanged needs nothing.
    const same = await rest.patch(`/api/users/${account.id}`, {
      body: { email: account.email.toUpperCase(), name: 'Renamed' },
      token,
    })
    expect(same.status).toBe(200)
  })

  it('GraphQL and the Local API refuse it without the current password', async () => {
    const account = await newAccount('mover')
    const token = await rest.login(account.email, TEST_PASSWORD)
    const graphql = await rest.graphql(
      `mutation ($id: ${idType(account.id)}!, $email: String!) { updateUser(id: $id, data: { email: $email }) { email } }`,
      { token, variables: { email: newEmail(), id: account.id } },
    )
    expect(graphql.body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(graphql.body.errors)).toContain('currentPassword')
    const user = await payload.findByID({ collection: 'users', id: account.id })
    await expect(
      payload.update({
        collection: 'users',
        data: { email: newEmail() },
        id: account.id,
        overrideAccess: false,
        user: { ...user, collection: 'users' },
      }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await storedAccount(account.id))?.email).toBe(account.email)
    // With it, GraphQL changes the address (the admin's forms go through REST, tested below).
    const email = newEmail()
    const changed = await rest.graphql(
      `mutation ($id: ${idType(account.id)}!, $email: String!, $current: String!) { updateUser(id: $id, data: { email: $email, currentPassword: $current }) { email } }`,
      { token, variables: { current: TEST_PASSWORD, email, id: account.id } },
    )
    expect(changed.body.errors).toBeUndefined()
    expect((await storedAccount(account.id))?.email).toBe(email)
  })

  it('with the current password it changes, and every other session ends', async () => {
    const account = await newAccount('mover')
    const here = await rest.login(account.email, TEST_PASSWORD)
    const elsewhere = await rest.login(account.email, TEST_PASSWORD)
    const email = newEmail()
    const changed = await rest.patch(`/api/users/${account.id}`, {
      body: { currentPassword: TEST_PASSWORD, email },
      token: here,
    })
    expect(changed.status).toBe(200)
    expect((await signedIn(here))?.email).toBe(email)
    expect(await signedIn(elsewhere)).toBeNull()
  })

  it('an admin changing someone else’s address needs no password and ends all their sessions', async () => {
    const account = await newAccount('moved')
    const theirs = await rest.login(account.email, TEST_PASSWORD)
    const changed = await rest.patch(`/api/users/${account.id}`, {
      body: { email: newEmail() },
      ...as('admin'),
    })
    expect(changed.status).toBe(200)
    expect(await signedIn(theirs)).toBeNull()
  })
})

describe('what a live case shows changes only through an editor', () => {
  const createCase = async (role: keyof typeof tokens, data: Record<string, unknown>) =>
    rest.post('/api/cases', { body: { citation: '1 I&N Dec. 1 (BIA 2000)', ...data }, ...as(role) })

  /** A case a published story cites: readers see it. */
  const liveCase = async (caption: string) => {
    const legalCase = (await createCase('editor', { caption })).body.doc
    const story = await rest.post('/api/articles', {
      body: { _status: 'published', cases: [legalCase.id], headline: `Story citing ${caption}` },
      ...as('editor'),
    })
    expect(story.status).toBe(201)
    const stored = await payload.findByID({ collection: 'cases', id: legalCase.id })
    expect(stored.inLiveStory).toBe(true)
    return stored
  }

  const statusOf = async (id: Id) =>
    (await payload.findByID({ collection: 'cases', depth: 0, id })).status

  it('REST: a writer’s case may not overrule a live case, created or updated', async () => {
    const live = await liveCase(`Matter of Live-${Date.now()}`)
    const caption = `Matter of Writer-${Date.now()}`
    const created = await createCase('writer', { caption, overrules: [live.id] })
    expect(created.status).toBe(403)
    expect(JSON.stringify(created.body)).toContain('editor')
    const { totalDocs } = await payload.count({
      collection: 'cases',
      where: { caption: { equals: caption } },
    })
    expect(totalDocs).toBe(0)

    const draft = await createCase('writer', { caption })
    expect(draft.status).toBe(201)
    const updated = await rest.patch(`/api/cases/${draft.body.doc.id}`, {
      body: { overrules: [live.id] },
      ...as('writer'),
    })
    expect(updated.status).toBe(403)
    expect(await statusOf(live.id)).toBe('good-law')
  })

  it('GraphQL and the Local API refuse it too', async () => {
    const live = await liveCase(`Matter of Live-G-${Date.now()}`)
    const graphql = await rest.graphql(
      `mutation ($data: mutationCaseInput!) { createCase(data: $data) { id } }`,
      {
        ...as('writer'),
        variables: { data: { caption: 'Matter of G-', overrules: [live.id] } },
      },
    )
    expect(graphql.body.errors?.length).toBeGreaterThan(0)
    const writer = await userOf('writer')
    await expect(
      payload.create({
        collection: 'cases',
        data: { caption: 'Matter of L-', overrules: [live.id] } as any,
        overrideAccess: false,
        user: { ...writer, collection: 'users' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await statusOf(live.id)).toBe('good-law')
  })

  it('an editor’s overruling still marks the live case overruled', async () => {
    const live = await liveCase(`Matter of Live-E-${Date.now()}`)
    const created = await createCase('editor', { caption: 'Matter of E-', overrules: [live.id] })
    expect(created.status).toBe(201)
    expect(await statusOf(live.id)).toBe('overruled')
  })

  it('a public precedent chain and overruled-by list only public cases', async () => {
    const live = await liveCase(`Matter of Live-C-${Date.now()}`)
    // The writer's case names the live one in its chain (`follows` sets no status) and
    // overrules a case no live story shows yet, which an editor then publishes.
    const earlier = (await createCase('editor', { caption: `Matter of Earlier-${Date.now()}` }))
      .body.doc
    const secret = 'Matter of Unpublished Writer Case'
    const writers = await createCase('writer', {
      caption: secret,
      follows: [live.id],
      overrules: [earlier.id],
    })
    expect(writers.status).toBe(201)
    const published = await rest.post('/api/articles', {
      body: { _status: 'published', cases: [earlier.id], headline: 'Story citing the earlier' },
      ...as('editor'),
    })
    expect(published.status).toBe(201)

    for (const id of [live.id, earlier.id]) {
      const anonymous = await rest.get(`/api/cases/${id}`)
      expect(anonymous.status).toBe(200)
      expect(JSON.stringify(anonymous.body)).not.toContain(secret)
      const named = (anonymous.body.precedentChain as { id: Id; overrules: Id[] }[]).flatMap(
        (link) => [link.id, ...link.overrules].map(String),
      )
      expect(named).not.toContain(String(writers.body.doc.id))
      const graphql = await rest.graphql(
        `query ($id: ${idType(id)}!) { Case(id: $id) { precedentChain overruledBy { docs { caption } } } }`,
        { variables: { id } },
      )
      expect(graphql.body.errors).toBeUndefined()
      expect(graphql.body.data.Case.precedentChain.length).toBeGreaterThan(0)
      expect(JSON.stringify(graphql.body)).not.toContain(secret)
      const staff = await rest.get(`/api/cases/${id}`, as('editor'))
      expect(JSON.stringify(staff.body.precedentChain)).toContain(secret)
    }
  })
})

describe('impossible dates and bare numbers are 400', () => {
  const bad = ['2020-02-30', '1', '2019-13-01', '2021-02-29T10:00:00.000Z', '12/25/2020']

  it('REST: each date field of the newsroom’s collections refuses them and writes nothing', async () => {
    const doors = [
      {
        data: { speaker: { name: 'Dated' }, text: 'A dated quote' },
        field: 'saidAt',
        path: 'quotes',
      },
      { data: { caption: 'Matter of Dated-' }, field: 'decidedAt', path: 'cases' },
      {
        data: { headline: 'Dated link', url: 'https://news.example/dated' },
        field: 'publishedAt',
        path: 'related-stories',
      },
    ]
    for (const { data, field, path } of doors) {
      for (const value of bad) {
        const answer = await rest.post(`/api/${path}`, {
          body: { ...data, [field]: value },
          ...as('editor'),
        })
        expect({ path, status: answer.status, value }).toEqual({ path, status: 400, value })
        expect(JSON.stringify(answer.body)).toContain(field)
      }
      const good = await rest.post(`/api/${path}`, {
        body: { ...data, [field]: '2020-02-29' },
        ...as('editor'),
      })
      expect(good.status).toBe(201)
      expect(good.body.doc[field]).toMatch(/^2020-02-29/)
      const updated = await rest.patch(`/api/${path}/${good.body.doc.id}`, {
        body: { [field]: '2020-02-30' },
        ...as('editor'),
      })
      expect(updated.status).toBe(400)
    }
    const { totalDocs } = await payload.count({
      collection: 'cases',
      where: { caption: { equals: 'Matter of Dated-' } },
    })
    expect(totalDocs).toBe(1)
  })

  it('GraphQL and the Local API refuse them too', async () => {
    const graphql = await rest.graphql(
      `mutation { createQuote(data: { text: "Said on a bad day", speaker: { name: "X" }, saidAt: "2020-02-30" }) { id } }`,
      as('editor'),
    )
    expect(graphql.body.errors?.length).toBeGreaterThan(0)
    const editor = await userOf('editor')
    await expect(
      payload.create({
        collection: 'cases',
        data: { caption: 'Matter of Bare-', decidedAt: '1' } as any,
        overrideAccess: false,
        user: { ...editor, collection: 'users' },
      }),
    ).rejects.toMatchObject({ status: 400 })
    const { totalDocs } = await payload.count({
      collection: 'quotes',
      where: { text: { equals: 'Said on a bad day' } },
    })
    expect(totalDocs).toBe(0)
  })
})

describe('absolute links use the configured public URL, never the request’s Host', () => {
  const forged = (path: string) =>
    new Request(`http://forged.example${path}`, { headers: { host: 'forged.example' } })

  it('feeds, sitemaps and robots.txt name this server without SERVER_URL', async () => {
    const serverUrl = process.env.SERVER_URL
    delete process.env.SERVER_URL
    try {
      await rest.post('/api/articles', {
        body: { _status: 'published', headline: 'A story with links' },
        ...as('editor'),
      })
      const routes = [
        [(await import('../src/app/(site)/feed.xml/route')).GET, '/feed.xml'],
        [(await import('../src/app/(site)/sitemap.xml/route')).GET, '/sitemap.xml'],
        [(await import('../src/app/(site)/sitemaps/news.xml/route')).GET, '/sitemaps/news.xml'],
        [(await import('../src/app/(site)/robots.txt/route')).GET, '/robots.txt'],
      ] as const
      for (const [route, path] of routes) {
        const response = await route(forged(path))
        const text = await response.text()
        expect({ path, status: response.status }).toEqual({ path, status: 200 })
        expect(text).toContain(`${siteOrigin(null, '')}/`)
        expect(text).not.toContain('forged.example')
      }
    } finally {
      if (serverUrl !== undefined) {
        process.env.SERVER_URL = serverUrl
      }
    }
  })
})
