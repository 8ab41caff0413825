import type { Payload, TypedUser, Where } from 'payload'

import { hasRole, roles } from '../access/roles'
import { collectionSlugs } from '../collectionSlugs'

export type BudgetRange = 'today' | 'week'

/** What the budget shows: the period and its filters, as the view's query string carries them. */
export type BudgetQuery = {
  /** A day inside the period (YYYY-MM-DD, UTC); today when absent. */
  date?: string
  /** A staff account: stories it reports or edits. */
  person?: string
  range: BudgetRange
  section?: string
  stage?: string
}

type Named = { id: string; name: string }

export type BudgetRow = {
  artNeeded: null | string
  budgetLine: null | string
  dueAt: null | string
  editor: Named | null
  headline: string
  id: string
  /** Due time passed and the story not published. */
  overdue: boolean
  plannedLength: null | number
  reporters: Named[]
  section: Named | null
  stage: null | string
  status: 'draft' | 'published'
}

export type Budget = {
  /** Due in the period, by due time. */
  due: BudgetRow[]
  /** Due before the period and still not published: still the desk's problem. */
  earlierOverdue: BudgetRow[]
  end: string
  query: BudgetQuery
  start: string
  /** Assigned (a reporter or an editor) but with no due time, not published. */
  unscheduled: BudgetRow[]
}

/** More than this in one group is a planning problem a longer list will not solve. */
const GROUP_LIMIT = 200

const DAY_MS = 24 * 60 * 60 * 1000
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[\w-]{1,64}$/

const first = (value: unknown): string | undefined => {
  const one = Array.isArray(value) ? value[0] : value
  return typeof one === 'string' && one.length > 0 ? one : undefined
}

/**
 * The budget's query string, read leniently: anything malformed is dropped (the view is a page a
 * person opens from a link, so it shows the default rather than an error).
 */
export const parseBudgetQuery = (params: Record<string, unknown> = {}): BudgetQuery => {
  const date = first(params.date)
  const ids = (value: unknown) => {
    const text = first(value)
    return text && ID.test(text) ? text : undefined
  }
  return {
    date: date && ISO_DAY.test(date) && !Number.isNaN(Date.parse(date)) ? date : undefined,
    person: ids(params.person),
    range: first(params.range) === 'week' ? 'week' : 'today',
    section: ids(params.section),
    stage: ids(params.stage),
  }
}

/**
 * The period in UTC: the day, or the week (Monday to Sunday) holding it. Days are UTC days, as
 * the server keeps every time.
 */
export const budgetPeriod = (query: BudgetQuery, now: Date = new Date()) => {
  const day = query.date ? new Date(`${query.date}T00:00:00.000Z`) : now
  const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())
  if (query.range === 'today') {
    return { end: new Date(start + DAY_MS), start: new Date(start) }
  }
  const monday = start - ((day.getUTCDay() + 6) % 7) * DAY_MS
  return { end: new Date(monday + 7 * DAY_MS), start: new Date(monday) }
}

/** Who may see the budget: anyone on staff. */
export const canSeeBudget = (user: unknown): boolean => hasRole(user, ...roles)

type ArticleDoc = {
  _status?: null | string
  assignment?: {
    artNeeded?: null | string
    budgetLine?: null | string
    dueAt?: null | string
    editor?: null | number | string | { id: number | string }
    plannedLength?: null | number
    reporters?: (number | string | { id: number | string })[] | null
  } | null
  headline?: null | string
  id: number | string
  section?: null | number | string | { id: number | string }
  stage?: null | string
}

const idOf = (value: unknown): null | string => {
  if (value && typeof value === 'object' && 'id' in value) {
    return String((value as { id: unknown }).id)
  }
  return typeof value === 'number' || typeof value === 'string' ? String(value) : null
}

const isPublished = (doc: ArticleDoc) => doc._status === 'published' || doc.stage === 'published'

/**
 * The story budget: assigned stories due in the period (by due time), those overdue from
 * before it, and those assigned with no due time, filtered by section, stage and person. Read
 * as the signed-in user (access rules apply; newest drafts, since most planned stories are
 * drafts). Null for anyone not on staff.
 */
export const loadBudget = async ({
  now = new Date(),
  payload,
  query,
  user,
}: {
  now?: Date
  payload: Payload
  query: BudgetQuery
  user: null | TypedUser | undefined
}): Promise<Budget | null> => {
  if (!user || !canSeeBudget(user)) {
    return null
  }
  const { end, start } = budgetPeriod(query, now)
  const filters: Where[] = []
  if (query.section) {
    filters.push({ section: { equals: query.section } })
  }
  if (query.stage) {
    filters.push({ stage: { equals: query.stage } })
  }
  if (query.person) {
    filters.push({
      or: [
        { 'assignment.reporters': { in: [query.person] } },
        { 'assignment.editor': { equals: query.person } },
      ],
    })
  }
  const find = async (where: Where[]) =>
    (
      await payload.find({
        collection: collectionSlugs.articles,
        depth: 0,
        draft: true,
        limit: GROUP_LIMIT,
        overrideAccess: false,
        pagination: false,
        select: { _status: true, assignment: true, headline: true, section: true, stage: true },
        sort: 'assignment.dueAt',
        user,
        where: { and: [...filters, ...where] },
      })
    ).docs as unknown as ArticleDoc[]

  const notPublished: Where[] = [{ stage: { not_equals: 'published' } }]
  const [due, earlier, undated] = await Promise.all([
    find([
      { 'assignment.dueAt': { greater_than_equal: start.toISOString() } },
      { 'assignment.dueAt': { less_than: end.toISOString() } },
    ]),
    find([{ 'assignment.dueAt': { less_than: start.toISOString() } }, ...notPublished]),
    find([{ 'assignment.dueAt': { exists: false } }, ...notPublished]),
  ])
  const earlierOverdue = earlier.filter((doc) => !isPublished(doc))
  const unscheduled = undated.filter(
    (doc) =>
      !isPublished(doc) &&
      ((doc.assignment?.reporters?.length ?? 0) > 0 || idOf(doc.assignment?.editor) !== null),
  )

  const names = await staffNames(payload, user, [...due, ...earlierOverdue, ...unscheduled])
  const sections = await sectionNames(payload, [...due, ...earlierOverdue, ...unscheduled])
  const row = (doc: ArticleDoc): BudgetRow => {
    const dueAt = doc.assignment?.dueAt ?? null
    const person = (value: unknown): Named | null => {
      const id = idOf(value)
      return id === null ? null : { id, name: names.get(id) ?? id }
    }
    const sectionId = idOf(doc.section)
    return {
      artNeeded: doc.assignment?.artNeeded ?? null,
      budgetLine: doc.assignment?.budgetLine ?? null,
      dueAt,
      editor: person(doc.assignment?.editor),
      headline: doc.headline ?? String(doc.id),
      id: String(doc.id),
      overdue: dueAt !== null && Date.parse(dueAt) < now.getTime() && !isPublished(doc),
      plannedLength: doc.assignment?.plannedLength ?? null,
      reporters: (doc.assignment?.reporters ?? [])
        .map(person)
        .filter((named): named is Named => named !== null),
      section:
        sectionId === null ? null : { id: sectionId, name: sections.get(sectionId) ?? sectionId },
      stage: doc.stage ?? null,
      status: isPublished(doc) ? 'published' : 'draft',
    }
  }
  return {
    due: due.map(row),
    earlierOverdue: earlierOverdue.map(row),
    end: end.toISOString(),
    query,
    start: start.toISOString(),
    unscheduled: unscheduled.map(row),
  }
}

/** Staff names for the people on the rows, read as the user (an id stays where access says no). */
const staffNames = async (
  payload: Payload,
  user: TypedUser,
  docs: ArticleDoc[],
): Promise<Map<string, string>> => {
  const ids = new Set<string>()
  for (const doc of docs) {
    for (const reporter of doc.assignment?.reporters ?? []) {
      const id = idOf(reporter)
      if (id !== null) ids.add(id)
    }
    const editor = idOf(doc.assignment?.editor)
    if (editor !== null) ids.add(editor)
  }
  if (ids.size === 0) {
    return new Map()
  }
  const people = await listStaff(payload, user, [...ids])
  return new Map(people.map(({ id, name }) => [id, name]))
}

/** Staff accounts by name, for the person filter (or only those with the ids given). */
export const listStaff = async (
  payload: Payload,
  user: TypedUser,
  ids?: string[],
): Promise<Named[]> => {
  const { docs } = await payload.find({
    collection: collectionSlugs.users,
    depth: 0,
    limit: 500,
    overrideAccess: false,
    pagination: false,
    sort: 'name',
    user,
    where: ids ? { id: { in: ids } } : { roles: { in: [...roles] } },
  })
  return docs.map((doc) => {
    const person = doc as unknown as { email?: string; id: number | string; name?: string }
    return { id: String(person.id), name: person.name || person.email || String(person.id) }
  })
}

const sectionNames = async (payload: Payload, docs: ArticleDoc[]) => {
  const ids = [...new Set(docs.map((doc) => idOf(doc.section)).filter((id) => id !== null))]
  if (ids.length === 0) {
    return new Map<string, string>()
  }
  const sections = await listSections(payload, ids)
  return new Map(sections.map(({ id, name }) => [id, name]))
}

/** Sections by name, for the section filter (or only those with the ids given). Public. */
export const listSections = async (payload: Payload, ids?: string[]): Promise<Named[]> => {
  const { docs } = await payload.find({
    collection: collectionSlugs.sections,
    depth: 0,
    limit: 500,
    pagination: false,
    sort: 'name',
    where: ids ? { id: { in: ids } } : undefined,
  })
  return docs.map((doc) => {
    const section = doc as unknown as { id: number | string; name?: string; title?: string }
    return { id: String(section.id), name: section.name ?? section.title ?? String(section.id) }
  })
}
