/**
 * Issue 25: an uncached list read costs what Payload costs. The bench measures each newsroom
 * list with and without its hooks (scripts/bench/hookShare.ts); here, that the measurement puts
 * the config back as it found it, and that bylines, the costliest hook it found, read their
 * people's names in one query for a whole list rather than one query per person.
 */
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals'

import { measureHookShare } from '../scripts/bench/hookShare'
import { seedSynthetic } from '../scripts/bench/seedSynthetic'
import { carryOverPeople } from '../src/migrations/carryOverPeople'
import { databasePass, describeWithService } from './helpers/requiredService'
import { startTestPayload, type TestPayload } from './helpers/payload'

// The bench's seeder writes SQL directly; what is measured does not depend on the database.
const describeHere = describeWithService(
  'hookShare.test',
  databasePass('sqlite', 'the bench seeds through SQL; the hooks are the same on every database'),
)

let ctx: TestPayload

describeHere('uncached list reads and their hooks', () => {
  beforeAll(async () => {
    ctx = await startTestPayload()
    await seedSynthetic({ articles: 40, payload: ctx.payload })
    // As the bench's server does at start: the credits become people the bylines name.
    await carryOverPeople({ payload: ctx.payload })
  }, 120_000)

  afterAll(async () => {
    await ctx?.payload.destroy()
  })

  it('reads a list’s byline names in one query per collection, not one per person', async () => {
    const { payload } = ctx
    const findOne = jest.spyOn(payload.db, 'findOne')
    const find = jest.spyOn(payload.db, 'find')
    try {
      const { docs } = await payload.find({
        collection: 'articles',
        depth: 0,
        limit: 20,
        overrideAccess: false,
      })
      const bylines = docs.flatMap(
        (doc) => (doc.bylines ?? []) as { name?: string; person?: unknown }[],
      )
      const people = new Set(bylines.map((byline) => byline.person).filter(Boolean))
      // The list really names several people, each byline with its name.
      expect(people.size).toBeGreaterThan(3)
      expect(bylines.every((byline) => typeof byline.name === 'string' && byline.name)).toBe(true)
      const peopleReads = [...findOne.mock.calls, ...find.mock.calls].filter(
        ([args]) => (args as { collection?: string }).collection === 'people',
      )
      expect(peopleReads).toHaveLength(1)
    } finally {
      findOne.mockRestore()
      find.mockRestore()
    }
  })

  it('measures each list with and without its hooks, and leaves every hook where it was', async () => {
    const { payload } = ctx
    const hooksOf = (slug: 'articles' | 'cases' | 'quotes') => {
      const { config } = payload.collections[slug]
      const fieldHooks = JSON.stringify(config.fields, (key, value) =>
        typeof value === 'function' ? `fn:${value.name}` : value,
      )
      return {
        afterRead: [...(config.hooks.afterRead ?? [])],
        beforeOperation: [...(config.hooks.beforeOperation ?? [])],
        fieldHooks,
      }
    }
    const before = (['articles', 'quotes', 'cases'] as const).map(hooksOf)
    const rows = await measureHookShare({ payload, reads: 3 })
    expect(rows.map((row) => row.collection)).toEqual(['articles', 'quotes', 'cases', 'sections'])
    for (const row of rows) {
      expect(row.withHooks).toBeGreaterThan(0)
      expect(row.bare).toBeGreaterThan(0)
    }
    // The articles' read runs hooks (bylines' names, the read recording): each was measured.
    expect(rows[0].hooks.length).toBeGreaterThan(0)
    for (const hook of rows[0].hooks) expect(hook.name).toMatch(/: /)
    const after = (['articles', 'quotes', 'cases'] as const).map(hooksOf)
    expect(after).toEqual(before)
    for (const [index, hooks] of after.entries()) {
      hooks.afterRead.forEach((hook, position) =>
        expect(hook).toBe(before[index].afterRead[position]),
      )
    }
    // And a read afterwards still runs them: bylines have their names.
    const { docs } = await payload.find({ collection: 'articles', depth: 0, limit: 1 })
    expect((docs[0].bylines as { name?: string }[])[0].name).toBeTruthy()
  }, 120_000)
})
