import type { Payload } from 'payload'

import type { Id } from '../src/documents'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Issue 22: a document lock is in the name of whoever takes it. A writer who locked a live story
 * in an editor's name kept others out under that name.
 */

let ctx: TestPayload
let payload: Payload
let rest: RestClient
const tokens = { editor: '', writer: '' }
const users = { editor: '' as Id, writer: '' as Id }
let story: Id

/** Who the stored lock on the story names. */
const lockHolders = async () => {
  const { docs } = await payload.find({
    collection: 'payload-locked-documents',
    depth: 0,
    where: { 'document.value': { equals: story } },
  })
  return docs.map((lock) => String((lock.user as { value: Id }).value))
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  rest = createRestClient(ctx.config)
  for (const role of ['editor', 'writer'] as const) {
    tokens[role] = await signIn(payload, rest, role)
  }
  const { docs } = await payload.find({ collection: 'users', depth: 0, limit: 10 })
  for (const role of ['editor', 'writer'] as const) {
    users[role] = docs.find((user) => user.roles?.includes(role))!.id
  }
  const article = await payload.create({
    collection: 'articles',
    data: { _status: 'published', headline: 'Locked in whose name' } as never,
  })
  story = article.id
})

afterAll(async () => {
  await payload?.destroy()
})

describe("a lock on a newsroom record is in its taker's name", () => {
  it("REST: a writer's lock in an editor's name is stored as the writer's", async () => {
    const { status } = await rest.post('/api/payload-locked-documents', {
      body: {
        document: { relationTo: 'articles', value: story },
        user: { relationTo: 'users', value: users.editor },
      },
      token: tokens.writer,
    })
    expect(status).toBe(201)
    expect(await lockHolders()).toEqual([String(users.writer)])
  })

  it("REST: nor can the writer move someone's lock to the editor's name", async () => {
    const { docs } = await payload.find({
      collection: 'payload-locked-documents',
      depth: 0,
      where: { 'document.value': { equals: story } },
    })
    const { status } = await rest.patch(`/api/payload-locked-documents/${docs[0].id}`, {
      body: { user: { relationTo: 'users', value: users.editor } },
      token: tokens.writer,
    })
    expect(status).toBe(200)
    expect(await lockHolders()).toEqual([String(users.writer)])
    await payload.delete({ collection: 'payload-locked-documents', id: docs[0].id })
  })

  it("GraphQL: the same lock in an editor's name is the writer's", async () => {
    const { body } = await rest.graphql(
      `mutation Lock($story: JSON!, $editor: JSON!) {
        createPayloadLockedDocument(data: {
          document: { relationTo: articles, value: $story }
          user: { relationTo: users, value: $editor }
        }) { id }
      }`,
      { token: tokens.writer, variables: { editor: users.editor, story } },
    )
    expect(body.errors).toBeUndefined()
    expect(await lockHolders()).toEqual([String(users.writer)])
  })

  it("the admin's own locks, taken as the editor, stay the editor's", async () => {
    await payload.delete({
      collection: 'payload-locked-documents',
      where: { 'document.value': { equals: story } },
    })
    const editor = await payload.findByID({ collection: 'users', id: users.editor })
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: story },
        user: { relationTo: 'users', value: users.editor },
      } as never,
      user: { ...editor, collection: 'users' },
    })
    expect(await lockHolders()).toEqual([String(users.editor)])
  })
})
