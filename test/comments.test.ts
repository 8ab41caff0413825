import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { staffAccount, type StaffAccount } from './helpers/staffAccounts'

/**
 * Issue 23: editorial comments. Threads on a story with @mentions the server resolves, an
 * author no client can forge, resolving by the author or an editor; staff only through REST,
 * GraphQL, the Local API with a user and the delivery API; bad input a 400 that writes nothing.
 */

let ctx: TestPayload
let rest: RestClient
let editor: StaffAccount
let writer: StaffAccount
let otherWriter: StaffAccount

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  editor = await staffAccount(ctx.payload, rest, 'editor')
  writer = await staffAccount(ctx.payload, rest, 'writer')
  otherWriter = await staffAccount(ctx.payload, rest, 'writer')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

const story = async (headline: string, published = false) => {
  const created = await rest.post(`/api/articles${published ? '' : '?draft=true'}`, {
    body: { headline, ...(published ? { _status: 'published' } : {}) },
    token: editor.token,
  })
  expect(created.status).toBe(201)
  return created.body.doc as { id: number | string; slug: string }
}

const comment = async (who: StaffAccount, body: Record<string, unknown>) =>
  rest.post('/api/editorial-comments', { body, token: who.token })

const commentCount = async () =>
  (await ctx.payload.count({ collection: 'editorial-comments' })).totalDocs

describe('threads and mentions', () => {
  it('a reply joins its comment’s thread, and the story’s Discussion lists both, oldest first', async () => {
    const { id } = await story('Harbour dredging starts')
    const first = await comment(editor, { article: id, body: 'Who confirmed the start date?' })
    expect(first.status).toBe(201)
    const reply = await comment(writer, {
      article: id,
      body: 'The port authority, by email.',
      parent: first.body.doc.id,
    })
    expect(reply.status).toBe(201)

    const thread = await rest.get(`/api/editorial-comments/${first.body.doc.id}?depth=0`, {
      token: writer.token,
    })
    expect(thread.body.replies.docs).toEqual([reply.body.doc.id])

    // Payload fills joins on the stored document, not on a read of the newest draft; the admin's
    // Discussion tab reads the thread itself, as this does.
    const read = await rest.get(`/api/articles/${id}?depth=0`, { token: writer.token })
    expect(read.body.discussion.docs).toEqual([first.body.doc.id, reply.body.doc.id])
  })

  it('fills mentions from @handles in the body, ignores addresses and unknown names, and refuses client-sent mentions', async () => {
    const { id } = await story('Budget vote delayed')
    const created = await comment(editor, {
      article: id,
      body: `@${writer.handle} can you call the clerk? Cc @nobody-here and ${otherWriter.email}.`,
      mentions: [otherWriter.id],
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.mentions.map((user: { id: unknown }) => user.id)).toEqual([writer.id])

    // An edit of the body mentions whom the new text names.
    const edited = await rest.patch(`/api/editorial-comments/${created.body.doc.id}?depth=0`, {
      body: { body: `@${otherWriter.handle}, please.` },
      token: editor.token,
    })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.mentions).toEqual([otherWriter.id])
  })

  it('the author is the signed-in account whatever the client sends, and stays on edits', async () => {
    const { id } = await story('Ferry timetable changes')
    const forged = await comment(writer, { article: id, author: editor.id, body: 'Mine.' })
    expect(forged.status).toBe(201)
    expect(forged.body.doc.author.id).toBe(writer.id)

    const moved = await rest.patch(`/api/editorial-comments/${forged.body.doc.id}?depth=0`, {
      body: { author: editor.id, body: 'Still mine.' },
      token: editor.token,
    })
    expect(moved.status).toBe(200)
    expect(moved.body.doc.author).toBe(writer.id)

    const graphed = await rest.graphql(
      `mutation { createEditorialComment(data: { article: ${JSON.stringify(id)}, body: "Via GraphQL", author: ${JSON.stringify(editor.id)} }) { author { id } } }`,
      { token: writer.token },
    )
    // The field refuses client values: either the schema has no such input, or it is ignored.
    if (graphed.body.data?.createEditorialComment) {
      expect(graphed.body.data.createEditorialComment.author.id).toBe(writer.id)
    } else {
      expect(JSON.stringify(graphed.body.errors)).toContain('author')
    }
  })
})

describe('resolving and editing', () => {
  it('the author or an editor resolves (stamped by the server); another writer can neither resolve nor edit', async () => {
    const { id } = await story('Library hours cut')
    const created = await comment(writer, { article: id, body: 'Need a second source.' })
    const commentId = created.body.doc.id

    const stranger = await rest.patch(`/api/editorial-comments/${commentId}`, {
      body: { resolved: true },
      token: otherWriter.token,
    })
    expect(stranger.status).toBe(403)
    const rewritten = await rest.patch(`/api/editorial-comments/${commentId}`, {
      body: { body: 'Changed by someone else' },
      token: otherWriter.token,
    })
    expect(rewritten.status).toBe(403)

    const byAuthor = await rest.patch(`/api/editorial-comments/${commentId}?depth=0`, {
      body: { resolved: true, resolvedAt: '2001-01-01T00:00:00.000Z', resolvedBy: editor.id },
      token: writer.token,
    })
    expect(byAuthor.status).toBe(200)
    expect(byAuthor.body.doc).toMatchObject({ resolved: true, resolvedBy: writer.id })
    expect(byAuthor.body.doc.resolvedAt).not.toBe('2001-01-01T00:00:00.000Z')

    const reopened = await rest.patch(`/api/editorial-comments/${commentId}?depth=0`, {
      body: { resolved: false },
      token: editor.token,
    })
    expect(reopened.body.doc).toMatchObject({ resolved: false, resolvedBy: null })
    const byEditor = await rest.patch(`/api/editorial-comments/${commentId}?depth=0`, {
      body: { resolved: true },
      token: editor.token,
    })
    expect(byEditor.body.doc).toMatchObject({ resolved: true, resolvedBy: editor.id })

    const stored = await ctx.payload.findByID({ collection: 'editorial-comments', id: commentId })
    expect(stored.body).toBe('Need a second source.')
  })

  it('a writer cannot delete a comment, even their own; an editor can', async () => {
    const { id } = await story('Tram line extension')
    const created = await comment(writer, { article: id, body: 'Draft map attached.' })
    const own = await rest.delete(`/api/editorial-comments/${created.body.doc.id}`, {
      token: writer.token,
    })
    expect(own.status).toBe(403)
    const byEditor = await rest.delete(`/api/editorial-comments/${created.body.doc.id}`, {
      token: editor.token,
    })
    expect(byEditor.status).toBe(200)
  })

  it('through the Local API with a user, the same rules hold', async () => {
    const { id } = await story('Snow plan')
    const created = await ctx.payload.create({
      collection: 'editorial-comments',
      data: { article: id, author: editor.id, body: 'Local' } as never,
      overrideAccess: false,
      user: writer.user,
    })
    expect((created.author as { id: unknown }).id ?? created.author).toBe(writer.id)
    await expect(
      ctx.payload.update({
        collection: 'editorial-comments',
        data: { body: 'Hijacked' },
        id: created.id,
        overrideAccess: false,
        user: otherWriter.user,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('deleting what a discussion hangs on', () => {
  it('deleting a story deletes its discussion; deleting an account deletes its notifications', async () => {
    const { id } = await story('Pier closes for winter repairs')
    const first = await comment(editor, { article: id, body: '@writer can you call the council?' })
    expect(first.status).toBe(201)
    await comment(writer, { article: id, body: 'On it.', parent: first.body.doc.id })

    const deleted = await rest.delete(`/api/articles/${id}`, { token: editor.token })
    expect(deleted.status).toBe(200)
    const left = await ctx.payload.count({
      collection: 'editorial-comments',
      where: { article: { equals: id } },
    })
    expect(left.totalDocs).toBe(0)

    // The mention told the writer; the account goes, and its notifications with it.
    const leaving = await staffAccount(ctx.payload, rest, 'writer')
    const other = await story('Lighthouse tours resume')
    await comment(editor, { article: other.id, body: `@${leaving.handle} please check` })
    const told = await ctx.payload.count({
      collection: 'notifications',
      where: { recipient: { equals: leaving.id } },
    })
    expect(told.totalDocs).toBe(1)
    await ctx.payload.delete({ collection: 'users', id: leaving.id })
    const kept = await ctx.payload.count({
      collection: 'notifications',
      where: { recipient: { equals: leaving.id } },
    })
    expect(kept.totalDocs).toBe(0)
  })
})

describe('bad input', () => {
  it('a reply to a comment on another story is a 400 naming parent, and nothing is written', async () => {
    const one = await story('Pier repairs')
    const other = await story('Pool reopens')
    const onOne = await comment(editor, { article: one.id, body: 'First.' })
    const before = await commentCount()
    const crossed = await comment(editor, {
      article: other.id,
      body: 'Wrong thread.',
      parent: onOne.body.doc.id,
    })
    expect(crossed.status).toBe(400)
    expect(JSON.stringify(crossed.body)).toContain('parent')
    expect(JSON.stringify(crossed.body)).toContain('same story')
    expect(await commentCount()).toBe(before)
  })

  it('an unknown story, a missing body or an overlong body is a 400, and nothing is written', async () => {
    const { id } = await story('Museum roof')
    const before = await commentCount()
    const unknown = await comment(editor, { article: 987654, body: 'Where?' })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('article')
    const empty = await comment(editor, { article: id })
    expect(empty.status).toBe(400)
    const long = await comment(editor, { article: id, body: 'x'.repeat(5001) })
    expect(long.status).toBe(400)
    expect(await commentCount()).toBe(before)
  })
})

describe('staff only, through every door', () => {
  it('anonymous readers get nothing through REST, GraphQL, the Local API, the story or delivery', async () => {
    const live = await story('Mayor resigns', true)
    await comment(editor, { article: live.id, body: 'Secret: the deputy leaked it.' })

    const list = await rest.get('/api/editorial-comments')
    expect(list.status).toBe(403)
    const graphed = await rest.graphql('{ EditorialComments { docs { body } } }')
    expect(JSON.stringify(graphed.body)).not.toContain('deputy')
    await expect(
      ctx.payload.find({ collection: 'editorial-comments', overrideAccess: false, user: null }),
    ).rejects.toMatchObject({ status: 403 })

    const read = await rest.get(`/api/articles/${live.id}?depth=2`)
    expect(read.status).toBe(200)
    expect(read.body).not.toHaveProperty('discussion')
    expect(JSON.stringify(read.body)).not.toContain('deputy')
    const delivered = await rest.get(`/api/articles/delivery/${live.slug}`)
    expect(delivered.status).toBe(200)
    expect(JSON.stringify(delivered.body)).not.toContain('deputy')
    const articleGraph = await rest.graphql(
      `{ Article(id: ${JSON.stringify(live.id)}) { headline discussion { docs { body } } } }`,
    )
    expect(JSON.stringify(articleGraph.body)).not.toContain('deputy')
  })
})
