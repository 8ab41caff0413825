import type { Payload, TypedUser } from 'payload'

import { collectionSlugs } from '../collectionSlugs'
import { canSeeBudget } from './budgetData'

export type CalendarEntryKind = 'published' | 'scheduled-publish' | 'scheduled-unpublish'

export type CalendarEntry = {
  /** When it goes (or went) out, ISO. */
  at: string
  /** The UTC day it falls on, YYYY-MM-DD. */
  day: string
  headline: string
  id: string
  kind: CalendarEntryKind
}

export type Calendar = {
  /** The grid's days, Monday first, whole weeks covering the month (YYYY-MM-DD). */
  days: string[]
  entries: CalendarEntry[]
  /** The month shown, YYYY-MM. */
  month: string
  next: string
  previous: string
}

const DAY_MS = 24 * 60 * 60 * 1000
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
/** A month's entries past this are a desk that needs a search, not a calendar. */
const ENTRY_LIMIT = 1000

const monthKey = (year: number, month: number) => {
  const date = new Date(Date.UTC(year, month, 1))
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

/** The month asked for (`?month=YYYY-MM`), or the current one (UTC). */
export const parseCalendarMonth = (value: unknown, now: Date = new Date()): string => {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && MONTH.test(text)
    ? text
    : monthKey(now.getUTCFullYear(), now.getUTCMonth())
}

const dayOf = (iso: string) => new Date(iso).toISOString().slice(0, 10)

type ScheduleJob = {
  input?: {
    doc?: { relationTo?: string; value?: number | string } | null
    type?: null | string
  } | null
  waitUntil?: null | string
}

/**
 * The calendar of a month: stories scheduled to go out (or be taken down) from Payload's
 * pending `schedulePublish` jobs, which hold the time in `waitUntil`, and stories published in
 * it (their `publishedAt`). Read as the signed-in user: a story the user cannot read is not
 * shown. Null for anyone not on staff.
 */
export const loadCalendar = async ({
  month,
  payload,
  user,
}: {
  month: string
  payload: Payload
  user: null | TypedUser | undefined
}): Promise<Calendar | null> => {
  if (!user || !canSeeBudget(user)) {
    return null
  }
  const [, year, monthNumber] = MONTH.exec(month) as RegExpExecArray
  const first = Date.UTC(Number(year), Number(monthNumber) - 1, 1)
  const last = Date.UTC(Number(year), Number(monthNumber), 1)
  const gridStart = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY_MS
  const weeks = Math.ceil((last - gridStart) / (7 * DAY_MS))
  const gridEnd = gridStart + weeks * 7 * DAY_MS
  const days = Array.from({ length: weeks * 7 }, (_, index) =>
    new Date(gridStart + index * DAY_MS).toISOString().slice(0, 10),
  )
  const from = new Date(gridStart).toISOString()
  const to = new Date(gridEnd).toISOString()

  // The job queue is the editors' (see withScheduledPublishing): read here on the server, and
  // only the stories the user may read are shown.
  const jobs = (
    await payload.find({
      collection: 'payload-jobs',
      depth: 0,
      limit: ENTRY_LIMIT,
      overrideAccess: true,
      pagination: false,
      sort: 'waitUntil',
      where: {
        and: [
          { taskSlug: { equals: 'schedulePublish' } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
          { waitUntil: { greater_than_equal: from } },
          { waitUntil: { less_than: to } },
        ],
      },
    })
  ).docs as unknown as ScheduleJob[]
  const scheduled = jobs.filter(
    (job) => job.waitUntil && job.input?.doc?.relationTo === collectionSlugs.articles,
  )
  const scheduledIds = [...new Set(scheduled.map((job) => String(job.input?.doc?.value)))]
  const headlines = new Map<string, string>()
  if (scheduledIds.length > 0) {
    const { docs } = await payload.find({
      collection: collectionSlugs.articles,
      depth: 0,
      draft: true,
      limit: ENTRY_LIMIT,
      overrideAccess: false,
      pagination: false,
      select: { headline: true },
      user,
      where: { id: { in: scheduledIds } },
    })
    for (const doc of docs) {
      headlines.set(String(doc.id), String((doc as { headline?: unknown }).headline ?? doc.id))
    }
  }
  const published = await payload.find({
    collection: collectionSlugs.articles,
    depth: 0,
    limit: ENTRY_LIMIT,
    overrideAccess: false,
    pagination: false,
    select: { headline: true, publishedAt: true },
    sort: 'publishedAt',
    user,
    where: {
      and: [
        { _status: { equals: 'published' } },
        { publishedAt: { greater_than_equal: from } },
        { publishedAt: { less_than: to } },
      ],
    },
  })

  const entries: CalendarEntry[] = [
    ...scheduled.flatMap((job): CalendarEntry[] => {
      const id = String(job.input?.doc?.value)
      const headline = headlines.get(id)
      if (headline === undefined || !job.waitUntil) {
        return []
      }
      return [
        {
          at: new Date(job.waitUntil).toISOString(),
          day: dayOf(job.waitUntil),
          headline,
          id,
          kind: job.input?.type === 'unpublish' ? 'scheduled-unpublish' : 'scheduled-publish',
        },
      ]
    }),
    ...published.docs.map((doc): CalendarEntry => {
      const at = String((doc as { publishedAt?: unknown }).publishedAt)
      return {
        at: new Date(at).toISOString(),
        day: dayOf(at),
        headline: String((doc as { headline?: unknown }).headline ?? doc.id),
        id: String(doc.id),
        kind: 'published',
      }
    }),
  ].sort((a, b) => a.at.localeCompare(b.at))

  return {
    days,
    entries,
    month,
    next: monthKey(Number(year), Number(monthNumber)),
    previous: monthKey(Number(year), Number(monthNumber) - 2),
  }
}
