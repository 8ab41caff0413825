import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * "Forgot password" writes a reservation outside its own transaction (Payload spaces reset
 * requests that way); on SQLite's single writer that deadlocked into a 500 after 30 s, and held
 * up every other write meanwhile. The reservation now joins the request's transaction there
 * (sqliteWriteLock.ts), so Payload's spacing works on every database.
 */

let ctx: TestPayload
let rest: RestClient
let editorEmail: string

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  const token = await signIn(ctx.payload, rest, 'editor')
  editorEmail = (await rest.get('/api/users/me', { token })).body.user.email
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('forgot password', () => {
  it('answers a known and an unknown address alike, without a 5xx', async () => {
    const known = await rest.post('/api/users/forgot-password', { body: { email: editorEmail } })
    const unknown = await rest.post('/api/users/forgot-password', {
      body: { email: 'nobody@newsroom.test' },
    })
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(200)
    expect(unknown.body).toEqual(known.body)
    // A deadlocked reservation waited 30 s before its 500: the 200s above are the check.
  })

  it('lets other writes through while it runs', async () => {
    const [reset, created] = await Promise.all([
      rest.post('/api/users/forgot-password', { body: { email: 'someone@newsroom.test' } }),
      ctx.payload.create({
        collection: 'topics',
        data: { name: `Forgot password ${Date.now()}` },
      }),
    ])
    expect(reset.status).toBe(200)
    expect(created.id).toBeDefined()
  })

  it("spaces requests for one address with Payload's own reservation, on every database", async () => {
    const resetToken = async () =>
      (
        (await ctx.payload.db.findOne({
          collection: 'users',
          where: { email: { equals: editorEmail } },
        })) as { resetPasswordToken?: null | string }
      ).resetPasswordToken
    const first = await rest.post('/api/users/forgot-password', { body: { email: editorEmail } })
    expect(first.status).toBe(200)
    const issued = await resetToken()
    expect(issued).toEqual(expect.any(String))
    // The same answer as any address, and no new link: the first one still stands.
    const again = await rest.post('/api/users/forgot-password', { body: { email: editorEmail } })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await resetToken()).toBe(issued)
  })
})
