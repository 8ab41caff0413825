import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { databaseKind } from '../src/host/database/database'
import { EMAIL_NOTIFICATION_TASK } from '../src/notifications/emailTask'

import { holdsFor } from './helpers/holdsFor'
import { mailpitService, messagesTo, messageText, refuseMail } from './helpers/mailpit'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { describeWithService, servicesAvailable } from './helpers/requiredService'
import { createRestClient, type RestClient } from './helpers/rest'
import { staffAccount, type StaffAccount } from './helpers/staffAccounts'
import { waitFor } from './helpers/waitFor'

/**
 * Issue 23: notifications. The server tells the right person (and nobody else) when they are
 * assigned, a story is submitted to them, they are mentioned, a quote in their live story is
 * disputed and their story is published; each reads only their own and nobody writes one; each
 * is emailed through a real SMTP server (Mailpit), and a failing one never fails the write.
 */

// Emails are jobs sent once the write commits: the runner looks for them every second here.
process.env.NEWSROOM_JOBS_CRON = '* * * * * *'

const withMail = servicesAvailable('notifications.test.ts (email)', mailpitService)

let ctx: TestPayload
let rest: RestClient
let editor: StaffAccount
let deskEditor: StaffAccount
let writer: StaffAccount
let otherWriter: StaffAccount

beforeAll(async () => {
  if (withMail) {
    process.env.SMTP_URL = process.env.NEWSROOM_TEST_SMTP_URL
  }
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  editor = await staffAccount(ctx.payload, rest, 'editor')
  deskEditor = await staffAccount(ctx.payload, rest, 'editor')
  writer = await staffAccount(ctx.payload, rest, 'writer')
  otherWriter = await staffAccount(ctx.payload, rest, 'writer')
})

afterAll(async () => {
  if (withMail) {
    await refuseMail(false)
  }
  await ctx?.payload.destroy()
})

/** What each account was told about one story, by kind. */
const told = async (articleId: number | string) => {
  const { docs } = await ctx.payload.find({
    collection: 'notifications',
    depth: 0,
    pagination: false,
    where: { article: { equals: articleId } },
  })
  const byPerson = new Map<string, string[]>()
  for (const doc of docs) {
    const key = String(doc.recipient)
    byPerson.set(key, [...(byPerson.get(key) ?? []), doc.kind].sort())
  }
  return (account: StaffAccount) => byPerson.get(String(account.id)) ?? []
}

const draftStory = async (headline: string, extra: Record<string, unknown> = {}) => {
  const created = await rest.post('/api/articles?draft=true&depth=0', {
    body: { headline, ...extra },
    token: editor.token,
  })
  expect(created.status).toBe(201)
  return created.body.doc as { id: number | string }
}

describe('who is told what', () => {
  it('assigning tells the new reporters and the new editor, once, and nobody else', async () => {
    const { id } = await draftStory('Water rates rise')
    const assigned = await rest.patch(`/api/articles/${id}?draft=true`, {
      body: { assignment: { editor: deskEditor.id, reporters: [writer.id] } },
      token: editor.token,
    })
    expect(assigned.status).toBe(200)
    let of = await told(id)
    expect(of(writer)).toEqual(['assigned'])
    expect(of(deskEditor)).toEqual(['assigned'])
    expect(of(otherWriter)).toEqual([])
    expect(of(editor)).toEqual([])

    // Saving again, and adding a second reporter, tells only the newcomer.
    await rest.patch(`/api/articles/${id}?draft=true`, {
      body: { assignment: { editor: deskEditor.id, reporters: [writer.id, otherWriter.id] } },
      token: editor.token,
    })
    of = await told(id)
    expect(of(writer)).toEqual(['assigned'])
    expect(of(otherWriter)).toEqual(['assigned'])
    expect(of(deskEditor)).toEqual(['assigned'])
  })

  it('submitting for review tells the assigned editor only; with none assigned, every editor', async () => {
    const assignedStory = await draftStory('Clinic opens late', {
      assignment: { editor: deskEditor.id, reporters: [writer.id] },
    })
    const submitted = await rest.patch(`/api/articles/${assignedStory.id}?draft=true`, {
      body: { stage: 'editing' },
      token: writer.token,
    })
    expect(submitted.status).toBe(200)
    let of = await told(assignedStory.id)
    expect(of(deskEditor)).toEqual(['assigned', 'submitted'])
    expect(of(editor)).toEqual([])
    expect(of(writer)).toEqual(['assigned'])

    const unassigned = await draftStory('Bus shelter vandalised')
    await rest.patch(`/api/articles/${unassigned.id}?draft=true`, {
      body: { stage: 'editing' },
      token: writer.token,
    })
    of = await told(unassigned.id)
    expect(of(editor)).toEqual(['submitted'])
    expect(of(deskEditor)).toEqual(['submitted'])
    expect(of(writer)).toEqual([])
    expect(of(otherWriter)).toEqual([])
  })

  it('a mention in a comment tells the one mentioned', async () => {
    const { id } = await draftStory('Stadium lease')
    const commented = await rest.post('/api/editorial-comments', {
      body: { article: id, body: `@${otherWriter.handle} check the lease dates` },
      token: editor.token,
    })
    expect(commented.status).toBe(201)
    const of = await told(id)
    expect(of(otherWriter)).toEqual(['mentioned'])
    expect(of(writer)).toEqual([])
    expect(of(editor)).toEqual([])
  })

  it('publishing tells the story’s reporters and byline accounts, once; a later publish of changes does not', async () => {
    const { id } = await draftStory('Schools get new heating', {
      assignment: { reporters: [otherWriter.id] },
      bylines: [{ author: writer.id }],
    })
    const published = await rest.patch(`/api/articles/${id}`, {
      body: { _status: 'published' },
      token: editor.token,
    })
    expect(published.status).toBe(200)
    let of = await told(id)
    expect(of(writer)).toEqual(['published'])
    expect(of(otherWriter)).toEqual(['assigned', 'published'])
    expect(of(deskEditor)).toEqual([])

    await rest.patch(`/api/articles/${id}`, {
      body: { _status: 'published', dek: 'All twelve schools.' },
      token: editor.token,
    })
    of = await told(id)
    expect(of(writer)).toEqual(['published'])
  })

  it('disputing a quote in a live story tells that story’s people; one in a draft story tells nobody', async () => {
    const quote = await rest.post('/api/quotes', {
      body: { speaker: { name: 'A. Councillor' }, text: 'We never voted on it.' },
      token: editor.token,
    })
    expect(quote.status).toBe(201)
    const live = await draftStory('Council denies vote', {
      bylines: [{ author: writer.id }],
      quotes: [quote.body.doc.id],
    })
    await rest.patch(`/api/articles/${live.id}`, {
      body: { _status: 'published' },
      token: editor.token,
    })
    const draft = await draftStory('Council vote, the follow-up', {
      bylines: [{ author: otherWriter.id }],
      quotes: [quote.body.doc.id],
    })

    const disputed = await rest.patch(`/api/quotes/${quote.body.doc.id}`, {
      body: { verification: { status: 'disputed' } },
      token: editor.token,
    })
    expect(disputed.status).toBe(200)
    expect((await told(live.id))(writer)).toEqual(['published', 'quote-disputed'])
    expect((await told(draft.id))(otherWriter)).toEqual([])
    const { docs } = await ctx.payload.find({
      collection: 'notifications',
      where: {
        and: [{ recipient: { equals: writer.id } }, { kind: { equals: 'quote-disputed' } }],
      },
    })
    expect(docs[0]?.message).toContain('Council denies vote')
  })
})

describe('each reads their own, and nobody writes one', () => {
  it('REST, GraphQL and the Local API show a writer only their own; creating is refused; only `read` changes', async () => {
    const { id } = await draftStory('Parking fines review', {
      assignment: { reporters: [writer.id, otherWriter.id] },
    })
    const mine = await rest.get(`/api/notifications?depth=0&where[article][equals]=${id}`, {
      token: writer.token,
    })
    expect(mine.status).toBe(200)
    expect(mine.body.docs).toHaveLength(1)
    expect(mine.body.docs[0].recipient).toBe(writer.id)
    const theirs = (await told(id))(otherWriter)
    expect(theirs).toEqual(['assigned'])
    const { docs } = await ctx.payload.find({
      collection: 'notifications',
      where: { and: [{ article: { equals: id } }, { recipient: { equals: otherWriter.id } }] },
    })
    const othersId = docs[0].id

    expect((await rest.get(`/api/notifications/${othersId}`, { token: writer.token })).status).toBe(
      404,
    )
    const admin = await staffAccount(ctx.payload, rest, 'admin')
    expect((await rest.get(`/api/notifications/${othersId}`, { token: admin.token })).status).toBe(
      404,
    )
    expect((await rest.get('/api/notifications')).status).toBe(403)
    const graphed = await rest.graphql('{ Notifications { docs { message recipient { id } } } }', {
      token: writer.token,
    })
    const seen = graphed.body.data.Notifications.docs as { recipient: { id: unknown } }[]
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((doc) => doc.recipient.id === writer.id)).toBe(true)
    const local = await ctx.payload.find({
      collection: 'notifications',
      overrideAccess: false,
      user: writer.user,
    })
    expect(
      local.docs.every(
        (doc) =>
          String(doc.recipient) === String(writer.id) ||
          (doc.recipient as { id?: unknown }).id === writer.id,
      ),
    ).toBe(true)

    const before = (await ctx.payload.count({ collection: 'notifications' })).totalDocs
    const forged = await rest.post('/api/notifications', {
      body: { kind: 'published', message: 'You won', recipient: otherWriter.id },
      token: editor.token,
    })
    expect(forged.status).toBe(403)
    const forgedGraph = await rest.graphql(
      `mutation { createNotification(data: { kind: published, message: "You won", recipient: ${JSON.stringify(otherWriter.id)} }) { id } }`,
      { token: admin.token },
    )
    expect(forgedGraph.body.errors?.length).toBeGreaterThan(0)
    expect((await ctx.payload.count({ collection: 'notifications' })).totalDocs).toBe(before)

    const myId = mine.body.docs[0].id
    const marked = await rest.patch(`/api/notifications/${myId}?depth=0`, {
      body: { message: 'Rewritten', read: true, recipient: otherWriter.id },
      token: writer.token,
    })
    expect(marked.status).toBe(200)
    expect(marked.body.doc).toMatchObject({ read: true, recipient: writer.id })
    expect(marked.body.doc.message).not.toBe('Rewritten')
    const markOthers = await rest.patch(`/api/notifications/${othersId}`, {
      body: { read: true },
      token: writer.token,
    })
    expect([403, 404]).toContain(markOthers.status)
    const others = await ctx.payload.findByID({ collection: 'notifications', id: othersId })
    expect(others.read).toBe(false)
  })
})

describe('sorting through the recipient', () => {
  /** FerretDB (the MongoDB pass in CI) has no `$lookup`, which a sort through a relationship needs. */
  const sortsThroughRelationships = async () => {
    if (ctx.payload.db.name !== 'mongoose') return true
    const db = (ctx.payload.db as unknown as { connection: { db: any } }).connection.db
    return !('ferretdbVersion' in (await db.admin().command({ buildInfo: 1 })))
  }

  it('sorts by a field of the related account, or, where the database cannot, refuses with a 400 naming the path', async () => {
    await draftStory('Ferry timetable', { assignment: { reporters: [writer.id, otherWriter.id] } })
    const sorted = await rest.get('/api/notifications?sort=-recipient.name&depth=0&limit=5', {
      token: writer.token,
    })
    const graphed = await rest.graphql(
      '{ Notifications(sort: "-recipient.name", limit: 5) { docs { id } } }',
      { token: writer.token },
    )
    if (await sortsThroughRelationships()) {
      expect(sorted.status).toBe(200)
      expect(sorted.body.docs.length).toBeGreaterThan(0)
      expect(graphed.body.errors).toBeUndefined()
    } else {
      expect(sorted.status).toBe(400)
      expect(JSON.stringify(sorted.body)).toContain('recipient.name')
      expect(JSON.stringify(graphed.body.errors)).toContain('recipient.name')
    }
    const byId = await rest.get('/api/notifications?sort=-recipient.id&depth=0&limit=5', {
      token: writer.token,
    })
    expect(byId.status).toBe(200)
  })
})

describeWithService('notifications.test.ts (email)', mailpitService)('email', () => {
  it('an assignment is emailed to the reporter with the story’s headline and a link to it', async () => {
    const { id } = await draftStory('Lighthouse keeper retires')
    await rest.patch(`/api/articles/${id}?draft=true`, {
      body: { assignment: { reporters: [otherWriter.id] } },
      token: editor.token,
    })
    const message = await waitFor(
      async () =>
        (await messagesTo(otherWriter.email)).find((mail) =>
          mail.Subject.includes('Lighthouse keeper retires'),
        ),
      { what: 'the assignment email in Mailpit' },
    )
    expect(message.Subject).toContain('assigned')
    expect(await messageText(message.ID)).toContain(`/admin/collections/articles/${id}`)
    expect(
      (await messagesTo(writer.email)).some((mail) => mail.Subject.includes('Lighthouse')),
    ).toBe(false)
  })

  // A standalone MongoDB server (FerretDB in CI) has no transactions to roll back.
  const withTransactions = databaseKind(process.env.DATABASE_URI) !== 'mongodb'
  ;(withTransactions ? it : it.skip)(
    'an assignment rolled back emails nobody; the one kept is emailed',
    async () => {
      const { id } = await draftStory('Harbour dredging plan')
      const req = await createLocalReq({ user: editor.user as never }, ctx.payload)
      await initTransaction(req)
      await ctx.payload.update({
        collection: 'articles',
        data: { assignment: { reporters: [otherWriter.id] } } as never,
        draft: true,
        id,
        overrideAccess: false,
        req,
      })
      await killTransaction(req)
      // The same change again, kept: its email arriving shows the runner has been round since.
      await rest.patch(`/api/articles/${id}?draft=true`, {
        body: { assignment: { reporters: [writer.id] } },
        token: editor.token,
      })
      await waitFor(
        async () =>
          (await messagesTo(writer.email)).some((mail) =>
            mail.Subject.includes('Harbour dredging plan'),
          ),
        { what: 'the email of the assignment that was kept' },
      )
      expect(
        (await messagesTo(otherWriter.email)).some((mail) =>
          mail.Subject.includes('Harbour dredging plan'),
        ),
      ).toBe(false)
    },
  )

  it('with the mail server refusing mail, the write still succeeds, and the email goes once the server takes mail again', async () => {
    const arrived = async () =>
      (await messagesTo(writer.email)).some((mail) => mail.Subject.includes('Ferry strike'))
    await refuseMail(true)
    let id: number | string
    try {
      ;({ id } = await draftStory('Ferry strike called off'))
      const assigned = await rest.patch(`/api/articles/${id}?draft=true`, {
        body: { assignment: { reporters: [writer.id] } },
        token: editor.token,
      })
      expect(assigned.status).toBe(200)
      expect((await told(id))(writer)).toEqual(['assigned'])
      const { docs } = await ctx.payload.find({
        collection: 'notifications',
        where: { and: [{ article: { equals: id } }, { recipient: { equals: writer.id } }] },
      })
      // The runner has tried to send it, and the server refused.
      await waitFor(
        async () =>
          (
            await ctx.payload.count({
              collection: 'payload-jobs',
              where: {
                and: [
                  { taskSlug: { equals: EMAIL_NOTIFICATION_TASK } },
                  { 'input.notification': { equals: String(docs[0].id) } },
                  { totalTried: { greater_than: 0 } },
                ],
              },
            })
          ).totalDocs > 0,
        { what: 'a refused attempt to send the email' },
      )
      await holdsFor(async () => !(await arrived()), {
        what: 'no email while the server refuses',
        ms: 1000,
      })
    } finally {
      await refuseMail(false)
    }
    await waitFor(arrived, { timeoutMs: 45_000, what: 'the email tried again and delivered' })
  })
})
