import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { databaseKind } from '../src/host/database/database'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * "Forgot password" writes a reservation outside its own transaction (Payload spaces reset
 * requests that way); on SQLite's single writer that deadlocked into a 500 after 30 s, and held
 * up every other write meanwhile.
 */

const kind = databaseKind(process.env.DATABASE_URI)
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

  it('spaces requests for one address, known or not, as Payload does', async () => {
    for (const email of [editorEmail, 'again@newsroom.test']) {
      await rest.post('/api/users/forgot-password', { body: { email } })
      const again = await rest.post('/api/users/forgot-password', { body: { email } })
      if (kind === 'sqlite') {
        // Kept in this process on SQLite: the second request is told to wait.
        expect(again.status).toBe(429)
        expect(JSON.stringify(again.body)).toMatch(/try again later/)
      } else {
        // Payload's own reservation: the same answer, and no second email.
        expect(again.status).toBe(200)
      }
    }
  })
})
