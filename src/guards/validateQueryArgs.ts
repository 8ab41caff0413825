import type { Payload, SanitizedJoins } from 'payload'

import type { InputProblem } from './inputErrors'

import { collectionOf } from './collectionOf'
import { shown } from './inputErrors'
import { isPlainObject } from './isPlainObject'
import { whereProblems } from './validateWhere'
import { whereSizeProblems } from './whereSize'

/** The paging, population and shaping arguments a read (or bulk write) takes. */
export type QueryArgs = {
  depth?: unknown
  joins?: unknown
  limit?: unknown
  page?: unknown
  populate?: unknown
  select?: unknown
  sort?: unknown
  where?: unknown
}

const SORT_FIELD = /^-?[\w.]+$/

/** The Local API passes unset arguments as null as well as leaving them out; a query, as ''. */
const isGiven = (value: unknown) => value !== undefined && value !== null && value !== ''

/** `limit=1e309` is Infinity and `page=1e20` an offset no database takes: whole numbers only. */
const countProblem = (value: unknown, min: number): null | string =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min
    ? null
    : `must be a whole number${min > 0 ? ` from ${min}` : ''}, not ${shown(value)}`

const pagingProblems = ({ limit, page }: QueryArgs, name: (key: string) => string) => {
  const problems: InputProblem[] = []
  const limitProblem = !isGiven(limit) ? null : countProblem(limit, 0)
  if (limitProblem) {
    problems.push({ message: limitProblem, path: name('limit') })
  }
  const pageProblem = !isGiven(page) ? null : countProblem(page, 1)
  if (pageProblem) {
    problems.push({ message: pageProblem, path: name('page') })
  } else if (
    typeof page === 'number' &&
    typeof limit === 'number' &&
    !Number.isSafeInteger((page - 1) * limit)
  ) {
    problems.push({ message: 'skips more records than any database can count', path: name('page') })
  }
  return problems
}

const sortProblem = (sort: unknown): null | string => {
  const fields = typeof sort === 'string' ? sort.split(',') : sort
  if (!Array.isArray(fields)) {
    return `must be a field name or a list of them, not ${shown(sort)}`
  }
  // An empty entry (`sort=`, `sort=a,,b`) sorts by nothing: Payload skips it.
  const bad = fields.find(
    (field) => typeof field !== 'string' || (field !== '' && !SORT_FIELD.test(field)),
  )
  return bad === undefined ? null : `${shown(bad)} is not a field name (as in -publishedAt)`
}

/** `select` and each collection's `populate`: objects whose leaves are true or false. */
const selectProblem = (select: unknown): null | string => {
  if (!isPlainObject(select)) {
    return 'must be an object of field names, as in select[headline]=true'
  }
  for (const value of Object.values(select)) {
    if (typeof value !== 'boolean') {
      const nested = selectProblem(value)
      if (nested) {
        return nested
      }
    }
  }
  return null
}

/**
 * Problems in a read's arguments other than its `where`: paging, depth, sort, select,
 * populate and joins (whose own `where`, `limit` and `page` are checked the same way). Each
 * names the parameter as a query string writes it (`limit`, `joins[articles][limit]`).
 */
export const queryArgProblems = (
  payload: Payload,
  collection: string,
  args: QueryArgs,
): InputProblem[] => {
  const problems: InputProblem[] = [
    ...pagingProblems(args, (key) => key),
    ...whereSizeProblems(args.where),
  ]
  // A where too large is not looked into further: its size is the problem.
  if (!problems.some(({ path }) => path.startsWith('where'))) {
    problems.push(...whereProblems(payload, collection, args.where))
  }
  if (isGiven(args.depth)) {
    const depth = countProblem(args.depth, 0)
    if (depth) {
      problems.push({ message: depth, path: 'depth' })
    }
  }
  if (isGiven(args.sort)) {
    const sort = sortProblem(args.sort)
    if (sort) {
      problems.push({ message: sort, path: 'sort' })
    }
  }
  if (isGiven(args.select)) {
    const select = selectProblem(args.select)
    if (select) {
      problems.push({ message: select, path: 'select' })
    }
  }
  if (isGiven(args.populate)) {
    const populate = isPlainObject(args.populate)
      ? Object.values(args.populate).map(selectProblem).find(Boolean)
      : 'must be an object of collections, as in populate[quotes][text]=true'
    if (populate) {
      problems.push({ message: populate, path: 'populate' })
    }
  }
  if (isGiven(args.joins) && args.joins !== false) {
    problems.push(...joinsProblems(payload, collection, args.joins))
  }
  return problems
}

const joinsProblems = (payload: Payload, collection: string, joins: unknown): InputProblem[] => {
  if (!isPlainObject(joins)) {
    return [{ message: 'must be an object of join fields', path: 'joins' }]
  }
  const config = collectionOf(payload, collection)?.config
  // The collection each join field reads from; null for polymorphic joins, which read several.
  const targets = new Map<string, null | string>([
    ...Object.entries((config?.joins ?? {}) as SanitizedJoins).flatMap(([target, list]) =>
      list.map((join) => [join.joinPath, target] as [string, string]),
    ),
    ...(config?.polymorphicJoins ?? []).map((join) => [join.joinPath, null] as [string, null]),
  ])
  const problems: InputProblem[] = []
  for (const [path, join] of Object.entries(joins)) {
    const name = (key: string) => `joins[${path}][${key}]`
    if (join === false) {
      continue
    }
    const target = targets.get(path)
    if (!isPlainObject(join) || target === undefined) {
      problems.push({
        message: target === undefined ? 'is not a join field' : 'must be false or an object',
        path: `joins[${path}]`,
      })
      continue
    }
    problems.push(...pagingProblems(join, name))
    const tooLarge = whereSizeProblems(join.where, name('where'))
    problems.push(...tooLarge)
    if (target && !tooLarge.length) {
      problems.push(...whereProblems(payload, target, join.where, name('where')))
    }
    if (join.sort !== undefined) {
      const sort = sortProblem(join.sort)
      if (sort) {
        problems.push({ message: sort, path: name('sort') })
      }
    }
  }
  return problems
}
