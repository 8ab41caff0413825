import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { pieceQuotes } from '../src/host/seed/pieceRecords'
import { seedFactCheck, seedPiece } from '../src/host/seed/seedPiece'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * People as records: the seeded piece's speakers and parties on one person each, and what
 * readers may see of them (only people a published story shows, never internal fields)
 * through REST, GraphQL and the Local API.
 */

let ctx: TestPayload

/** Creates as a client would send it: defaults and server-filled fields left out. */
const create = (args: { collection: string; data: Record<string, unknown>; draft?: boolean }) =>
  ctx.payload.create(args as never) as Promise<any>
let rest: RestClient
let editor: string
let writer: string

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  expect((await seedPiece({ payload: ctx.payload })).status).toBe('seeded')
  await seedFactCheck({ payload: ctx.payload })
  editor = await signIn(ctx.payload, rest, 'editor')
  writer = await signIn(ctx.payload, rest, 'writer')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

const personBySlug = async (slug: string, token?: string) => {
  const { body, status } = await rest.get(`/api/people?where[slug][equals]=${slug}&depth=0`, {
    token,
  })
  expect(status).toBe(200)
  return body.docs[0]
}

describe('the seeded people', () => {
  it('puts every Musalo quote on one person, who keeps the title each quote printed', async () => {
    const musalo = await personBySlug('karen-musalo', editor)
    expect(musalo.name).toBe('Karen Musalo')
    const { docs } = await ctx.payload.find({
      collection: 'quotes',
      depth: 0,
      limit: 100,
      where: { 'speaker.name': { equals: 'Karen Musalo' } },
    })
    const typed = pieceQuotes.filter((quote) => quote.speaker.name === 'Karen Musalo')
    expect(typed.length).toBeGreaterThan(5)
    expect(docs).toHaveLength(typed.length)
    expect(new Set(docs.map((quote) => String(quote.speaker?.person)))).toEqual(
      new Set([String(musalo.id)]),
    )
    expect(docs.every((quote) => quote.speaker?.title === 'Director')).toBe(true)
    const { totalDocs } = await ctx.payload.count({
      collection: 'people',
      where: { name: { equals: 'Karen Musalo' } },
    })
    expect(totalDocs).toBe(1)
  })

  it('lets the editor’s quote picker find a person’s quotes by their name', async () => {
    // The relationship picker searches the quotes' title (`label`), which starts with the name.
    const { body } = await rest.get('/api/quotes?where[label][like]=Musalo&limit=100&depth=0', {
      token: writer,
    })
    const musalo = await personBySlug('karen-musalo', editor)
    expect(body.docs.length).toBe(
      pieceQuotes.filter((quote) => quote.speaker.name === 'Karen Musalo').length,
    )
    expect(
      body.docs.every((quote: any) => String(quote.speaker.person) === String(musalo.id)),
    ).toBe(true)
  })

  it('names Musalo as counsel in Kasinga and R-A-, and Sessions as the deciding official in A-B-', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'cases',
      depth: 1,
      limit: 10,
      sort: 'decidedAt',
    })
    const parties = Object.fromEntries(
      docs.map((record) => [
        record.caption,
        (record.parties ?? []).map((party) => [
          party.role,
          typeof party.person === 'object' ? party.person?.name : party.person,
        ]),
      ]),
    )
    expect(parties['Matter of Kasinga']).toEqual([
      ['claimant', 'Fauziya Kassindja'],
      ['counsel', 'Karen Musalo'],
    ])
    expect(parties['Matter of R-A-']).toEqual([
      ['claimant', 'Rody Alvarado'],
      ['counsel', 'Karen Musalo'],
    ])
    expect(parties['Matter of A-B-']).toEqual([['judge', 'Jeff Sessions']])
  })
})

describe('what readers see of people', () => {
  it('REST: only people a published story shows, without internal fields', async () => {
    const created = await create({
      collection: 'people',
      data: { name: 'Unpublished Source', notes: 'phone: 555-0100', slug: 'unpublished-source' },
    })
    const { body, status } = await rest.get('/api/people?limit=100&depth=0')
    expect(status).toBe(200)
    const names = body.docs.map((person: { name: string }) => person.name)
    expect(names).toContain('Karen Musalo')
    expect(names).toContain('Donald Trump')
    expect(names).not.toContain('Unpublished Source')
    for (const person of body.docs) {
      expect(person).not.toHaveProperty('notes')
      expect(person).not.toHaveProperty('user')
      expect(person).not.toHaveProperty('inLiveStory')
    }
    expect((await rest.get(`/api/people/${created.id}`)).status).toBe(404)
    const staff = await rest.get(`/api/people/${created.id}`, { token: writer })
    expect(staff.status).toBe(200)
    expect(staff.body.notes).toBe('phone: 555-0100')
  })

  it('GraphQL: the same people, and internal fields come back empty', async () => {
    const { body } = await rest.graphql(
      '{ People(limit: 100) { docs { name slug notes inLiveStory } } }',
    )
    const docs = body.data.People.docs as { name: string; notes: null; inLiveStory: null }[]
    expect(docs.map((person) => person.name)).toContain('Karen Musalo')
    expect(docs.map((person) => person.name)).not.toContain('Unpublished Source')
    expect(docs.every((person) => person.notes === null && person.inLiveStory === null)).toBe(true)
  })

  it('Local API with no user: the same rule', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'people',
      limit: 100,
      overrideAccess: false,
    })
    expect(docs.map((person) => person.name)).not.toContain('Unpublished Source')
    expect(docs.map((person) => person.name)).toContain('Jeff Sessions')
  })

  it('a person becomes visible when a story naming them is published, and goes with it', async () => {
    const person = await create({
      collection: 'people',
      data: { kind: 'contributor', name: 'Ana Contributor', slug: 'ana-contributor' },
    })
    const story = await create({
      collection: 'articles',
      data: {
        _status: 'draft',
        bylines: [{ person: person.id }],
        headline: 'A story by Ana',
        slug: 'a-story-by-ana',
      },
      draft: true,
    })
    const visible = async () =>
      (await rest.get(`/api/people?where[slug][equals]=ana-contributor`)).body.docs.length
    expect(await visible()).toBe(0)
    await ctx.payload.update({
      id: story.id,
      collection: 'articles',
      data: { _status: 'published' },
    })
    expect(await visible()).toBe(1)
    const read = await rest.get(`/api/articles/${story.id}?depth=0`)
    expect(read.body.bylines[0].name).toBe('Ana Contributor')
    await ctx.payload.update({ id: story.id, collection: 'articles', data: { _status: 'draft' } })
    expect(await visible()).toBe(0)
  })

  it('a source appears once a quote of theirs is in a published story', async () => {
    const person = await create({
      collection: 'people',
      data: {
        name: 'Quoted Person',
        slug: 'quoted-person',
        positions: [{ organization: 'Old Org', title: 'Old Title', to: '2020-01-01T00:00:00Z' }],
      },
    })
    // Picked, nothing typed: the name and the title held when it was said are filled in.
    const quote = await create({
      collection: 'quotes',
      data: {
        medium: 'interview',
        saidAt: '2019-05-01T00:00:00.000Z',
        // No name typed: the type says required, the server fills it in.
        speaker: { person: person.id },
        text: 'Words worth quoting',
      },
    })
    expect(quote.speaker?.name).toBe('Quoted Person')
    expect(quote.speaker?.title).toBe('Old Title')
    const visible = async () =>
      (await rest.get(`/api/people/${person.id}`)).status === 200 ? 'shown' : 'hidden'
    expect(await visible()).toBe('hidden')
    const story = await create({
      collection: 'articles',
      data: {
        _status: 'published',
        headline: 'A story quoting someone',
        quotes: [quote.id],
        slug: 'a-story-quoting-someone',
      },
    })
    expect(await visible()).toBe('shown')
    await ctx.payload.delete({ id: story.id, collection: 'articles' })
    expect(await visible()).toBe('hidden')
  })

  it('a person’s quotes join lists, for readers, only quotes a published story shows', async () => {
    const musalo = await personBySlug('karen-musalo', editor)
    const unpublished = await create({
      collection: 'quotes',
      data: { medium: 'interview', speaker: { person: musalo.id }, text: 'Not in any story yet' },
    })
    const joined = async (token?: string) =>
      (await rest.get(`/api/people/${musalo.id}?depth=0`, { token })).body.quotes.docs.map(String)
    expect(await joined(editor)).toContain(String(unpublished.id))
    expect(await joined()).not.toContain(String(unpublished.id))
    expect((await joined()).length).toBeGreaterThan(0)
    const graphql = await rest.graphql(
      `{ People(where: { slug: { equals: "karen-musalo" } }) { docs { quotes { docs { text } } } } }`,
    )
    const texts = graphql.body.data.People.docs[0].quotes.docs.map(
      (quote: { text: string }) => quote.text,
    )
    expect(texts).not.toContain('Not in any story yet')
    expect(texts.length).toBeGreaterThan(0)
  })

  it('writers may not change a person a live story shows; editors may', async () => {
    const musalo = await personBySlug('karen-musalo', editor)
    const byWriter = await rest.patch(`/api/people/${musalo.id}`, {
      body: { bio: 'Changed by a writer' },
      token: writer,
    })
    expect(byWriter.status).toBe(403)
    const byEditor = await rest.patch(`/api/people/${musalo.id}`, {
      body: { bio: 'Law professor.' },
      token: editor,
    })
    expect(byEditor.status).toBe(200)
  })

  it('nobody sets the live flag: a client value is ignored', async () => {
    const { body, status } = await rest.post('/api/people', {
      body: { inLiveStory: true, name: 'Sneaky Source' },
      token: editor,
    })
    expect(status).toBe(201)
    expect((await rest.get(`/api/people/${body.doc.id}`)).status).toBe(404)
  })

  it('a quote without a person or a typed name is a 400 naming the field', async () => {
    const { body, status } = await rest.post('/api/quotes', {
      body: { medium: 'interview', speaker: {}, text: 'Nobody said this' },
      token: writer,
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/speaker\.name/)
  })
})
