import type { Id } from '../src/documents'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

/**
 * Issue 25: a publish updates each record a live story shows once, not once per hook that
 * cares about it; a publish that changes nothing about what the story shows writes none of
 * them again. Counted where every write ends up: the database adapter's updates.
 */

let ctx: TestPayload
let rest: RestClient
let editor = ''

type Shown = 'cases' | 'quotes' | 'related-stories'

const created = async (path: string, body: object): Promise<{ id: Id }> => {
  const response = await rest.post(path, { body, token: editor })
  expect(response.status).toBe(201)
  return response.body.doc
}

type UpdateArgs = { collection: string; id?: Id; where?: unknown }

/** The shown records' rows the adapter updates while `run` runs, as `collection:id`. */
const writesDuring = async (run: () => Promise<unknown>): Promise<string[]> => {
  const db = ctx.payload.db as unknown as {
    updateMany: (args: UpdateArgs) => Promise<unknown>
    updateOne: (args: UpdateArgs) => Promise<unknown>
  }
  const shown = new Set<string>(['cases', 'quotes', 'related-stories'])
  const writes: string[] = []
  const { updateMany, updateOne } = db
  db.updateOne = (args) => {
    if (shown.has(args.collection)) writes.push(`${args.collection}:${String(args.id)}`)
    return updateOne.call(db, args)
  }
  db.updateMany = (args) => {
    if (shown.has(args.collection)) writes.push(`${args.collection}:many`)
    return updateMany.call(db, args)
  }
  try {
    await run()
  } finally {
    Object.assign(db, { updateMany, updateOne })
  }
  return writes.sort()
}

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  editor = await signIn(ctx.payload, rest, 'editor')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('a publish and the records the story shows', () => {
  it('marks each shown record live with one write, and an edit of the live story writes none', async () => {
    const records: Record<Shown, Id> = {
      cases: (
        await created('/api/cases', {
          caption: 'Matter of Once',
          citation: '1 I&N Dec. 2 (BIA 2001)',
          decidedBy: 'Board of Immigration Appeals',
        })
      ).id,
      quotes: (await created('/api/quotes', { speaker: { name: 'A source' }, text: 'Once.' })).id,
      'related-stories': (
        await created('/api/related-stories', {
          headline: 'Earlier, once',
          url: 'https://news.example/once',
        })
      ).id,
    }
    const story = await created('/api/articles', {
      cases: [records.cases],
      headline: 'A story published once',
      quotes: [records.quotes],
      relatedCoverage: [records['related-stories']],
    })

    const publish = await writesDuring(async () => {
      const response = await rest.patch(`/api/articles/${story.id}`, {
        body: { _status: 'published' },
        token: editor,
      })
      expect(response.status).toBe(200)
    })
    expect(publish).toEqual(
      Object.entries(records)
        .map(([collection, id]) => `${collection}:${String(id)}`)
        .sort(),
    )
    for (const [collection, id] of Object.entries(records)) {
      const record = await ctx.payload.findByID({ collection: collection as Shown, id })
      expect(record).toMatchObject({ inLiveStory: true })
    }

    const edit = await writesDuring(async () => {
      const response = await rest.patch(`/api/articles/${story.id}`, {
        body: { _status: 'published', dek: 'A correction of the dek.' },
        token: editor,
      })
      expect(response.status).toBe(200)
    })
    expect(edit).toEqual([])
  })
})
