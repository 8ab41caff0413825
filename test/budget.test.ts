import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { BudgetRow } from '../src/budget/budgetData'

import { loadBudget, parseBudgetQuery } from '../src/budget/budgetData'
import { loadCalendar, parseCalendarMonth } from '../src/budget/calendarData'
import { startTestPayload, type TestPayload } from './helpers/payload'

/**
 * Issue 23: the story budget and the calendar, at the level of the data their admin views show
 * (the functions the views call): the period, groups and order, filters, the overdue mark, who
 * may see it; the calendar's scheduled publishes (Payload's jobs) and published stories.
 */

type Id = number | string
type User = Record<string, unknown> & { id: Id }

let ctx: TestPayload
const people: Record<'editor' | 'outsider' | 'reporter' | 'writer', User> = {} as never
const sections: Record<'city' | 'sport', Id> = {} as never
const stories: Record<string, Id> = {}

// A Wednesday, noon UTC: the week runs Monday 9 March to Sunday 15 March.
const NOW = new Date('2026-03-11T12:00:00.000Z')

const account = async (name: string, roles: string[]) => {
  const user = await ctx.payload.create({
    collection: 'users',
    data: {
      name,
      email: `${name.toLowerCase().replace(/\W/g, '')}@budget.test`,
      password: 'budget-password-1',
      roles,
    } as never,
  })
  return { ...user, collection: 'users' } as unknown as User
}

const story = async (
  key: string,
  {
    dueAt,
    editor,
    publish = false,
    reporters = [],
    section,
    stage,
  }: {
    dueAt?: string
    editor?: Id
    publish?: boolean
    reporters?: Id[]
    section?: Id
    stage?: string
  },
) => {
  const doc = await ctx.payload.create({
    collection: 'articles',
    data: {
      _status: publish ? 'published' : 'draft',
      assignment: {
        budgetLine: `${key}: the line`,
        dueAt,
        editor,
        plannedLength: 600,
        reporters,
      },
      headline: key,
      section,
      ...(stage ? { stage } : {}),
    } as never,
    draft: !publish,
    overrideAccess: false,
    user: people.editor as never,
  })
  stories[key] = doc.id
}

beforeAll(async () => {
  ctx = await startTestPayload()
  people.editor = await account('Edna Editor', ['editor'])
  people.writer = await account('Walt Writer', ['writer'])
  people.reporter = await account('Rita Reporter', ['writer'])
  // Signed in, but on no desk: a reader account of the site's own (another auth collection).
  people.outsider = { collection: 'customers', email: 'otto@site.test', id: 1 }
  for (const name of ['city', 'sport'] as const) {
    const section = await ctx.payload.create({
      collection: 'sections',
      data: { name: name === 'city' ? 'City' : 'Sport', slug: name } as never,
    })
    sections[name] = section.id
  }
  const { editor, reporter, writer } = people
  await story('Council budget vote', {
    dueAt: '2026-03-11T09:00:00.000Z',
    editor: editor.id,
    reporters: [writer.id],
    section: sections.city,
  })
  await story('Marathon road closures', {
    dueAt: '2026-03-11T17:30:00.000Z',
    editor: editor.id,
    reporters: [reporter.id],
    section: sections.sport,
    stage: 'editing',
  })
  await story('Harbour fire follow-up', {
    dueAt: '2026-03-11T08:00:00.000Z',
    editor: editor.id,
    publish: true,
    reporters: [writer.id],
    section: sections.city,
  })
  await story('Derby preview', {
    dueAt: '2026-03-13T15:00:00.000Z',
    reporters: [reporter.id],
    section: sections.sport,
  })
  await story('Next week’s transit plan', {
    dueAt: '2026-03-17T10:00:00.000Z',
    reporters: [writer.id],
    section: sections.city,
  })
  await story('School meals, no date yet', { reporters: [reporter.id], section: sections.city })
  await story('Unassigned idea', {})
  await story('Last week’s zoning story', {
    dueAt: '2026-03-04T10:00:00.000Z',
    editor: editor.id,
    reporters: [writer.id],
    section: sections.city,
  })
})

afterAll(async () => {
  for (const cron of ctx?.payload.crons ?? []) cron.stop()
  await ctx?.payload.destroy()
})

const budgetFor = async (user: User | null, params: Record<string, string> = {}) =>
  loadBudget({
    now: NOW,
    payload: ctx.payload,
    query: parseBudgetQuery(params),
    user: user as never,
  })

const headlines = (rows: BudgetRow[]) => rows.map((row) => row.headline)

describe('the story budget', () => {
  it('lists today’s stories by due time, overdue ones marked, with the assignment columns', async () => {
    const budget = await budgetFor(people.editor)
    expect(budget).not.toBeNull()
    expect(headlines(budget!.due)).toEqual([
      'Harbour fire follow-up',
      'Council budget vote',
      'Marathon road closures',
    ])
    const byHeadline = Object.fromEntries(budget!.due.map((row) => [row.headline, row]))
    // Due at nine, not published by noon: overdue. The published one is not, however early.
    expect(byHeadline['Council budget vote'].overdue).toBe(true)
    expect(byHeadline['Harbour fire follow-up'].overdue).toBe(false)
    expect(byHeadline['Harbour fire follow-up'].status).toBe('published')
    expect(byHeadline['Marathon road closures'].overdue).toBe(false)
    expect(byHeadline['Council budget vote']).toMatchObject({
      budgetLine: 'Council budget vote: the line',
      editor: { name: 'Edna Editor' },
      plannedLength: 600,
      reporters: [{ name: 'Walt Writer' }],
      section: { name: 'City' },
      stage: 'drafting',
      status: 'draft',
    })
    expect(headlines(budget!.unscheduled)).toEqual(['School meals, no date yet'])
    expect(headlines(budget!.earlierOverdue)).toEqual(['Last week’s zoning story'])
    expect(budget!.earlierOverdue[0].overdue).toBe(true)
  })

  it('switches to the week, and to another date', async () => {
    const week = await budgetFor(people.editor, { range: 'week' })
    expect(headlines(week!.due)).toEqual([
      'Harbour fire follow-up',
      'Council budget vote',
      'Marathon road closures',
      'Derby preview',
    ])
    const nextWeek = await budgetFor(people.editor, { date: '2026-03-16', range: 'week' })
    expect(headlines(nextWeek!.due)).toEqual(['Next week’s transit plan'])
    const friday = await budgetFor(people.editor, { date: '2026-03-13' })
    expect(headlines(friday!.due)).toEqual(['Derby preview'])
  })

  it('filters by section, stage and person (reporter or editor)', async () => {
    const sport = await budgetFor(people.editor, { range: 'week', section: String(sections.sport) })
    expect(headlines(sport!.due)).toEqual(['Marathon road closures', 'Derby preview'])
    const inReview = await budgetFor(people.editor, { range: 'week', stage: 'editing' })
    expect(headlines(inReview!.due)).toEqual(['Marathon road closures'])
    const rita = await budgetFor(people.editor, {
      person: String(people.reporter.id),
      range: 'week',
    })
    expect(headlines(rita!.due)).toEqual(['Marathon road closures', 'Derby preview'])
    expect(headlines(rita!.unscheduled)).toEqual(['School meals, no date yet'])
    const edna = await budgetFor(people.editor, { person: String(people.editor.id) })
    expect(headlines(edna!.due)).toEqual([
      'Harbour fire follow-up',
      'Council budget vote',
      'Marathon road closures',
    ])
    expect(headlines(edna!.unscheduled)).toEqual([])
  })

  it('reads a malformed query string as the default rather than failing', async () => {
    expect(parseBudgetQuery({ date: '2026-13-45', range: 'year', section: "1' OR 1=1" })).toEqual({
      date: undefined,
      person: undefined,
      range: 'today',
      section: undefined,
      stage: undefined,
    })
  })

  it('is for staff: writers see it, anyone else signed in or not gets nothing', async () => {
    const writers = await budgetFor(people.writer)
    expect(headlines(writers!.due)).toContain('Council budget vote')
    await expect(budgetFor(people.outsider)).resolves.toBeNull()
    await expect(budgetFor(null)).resolves.toBeNull()
  })
})

describe('the calendar', () => {
  it('shows scheduled publishes on their day, and published stories on theirs', async () => {
    const now = new Date()
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
    const monthKey = nextMonth.toISOString().slice(0, 7)
    const waitUntil = new Date(`${monthKey}-14T06:00:00.000Z`)
    // What the admin's "Schedule publish" queues.
    await ctx.payload.jobs.queue({
      input: {
        doc: { relationTo: 'articles', value: stories['Derby preview'] as number },
        type: 'publish',
        user: { relationTo: 'users', value: people.editor.id as number },
      },
      task: 'schedulePublish',
      waitUntil,
    })
    const scheduled = await loadCalendar({
      month: monthKey,
      payload: ctx.payload,
      user: people.writer as never,
    })
    expect(scheduled!.days[0] <= `${monthKey}-01`).toBe(true)
    expect(scheduled!.days.length % 7).toBe(0)
    expect(scheduled!.entries).toEqual([
      {
        at: waitUntil.toISOString(),
        day: `${monthKey}-14`,
        headline: 'Derby preview',
        id: String(stories['Derby preview']),
        kind: 'scheduled-publish',
      },
    ])

    const thisMonth = await loadCalendar({
      month: parseCalendarMonth(undefined),
      payload: ctx.payload,
      user: people.editor as never,
    })
    const published = thisMonth!.entries.filter((entry) => entry.kind === 'published')
    expect(published.map((entry) => entry.headline)).toEqual(['Harbour fire follow-up'])
    expect(published[0].day).toBe(now.toISOString().slice(0, 10))

    await expect(
      loadCalendar({ month: monthKey, payload: ctx.payload, user: people.outsider as never }),
    ).resolves.toBeNull()
  })
})
