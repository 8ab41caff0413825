import type { Payload } from 'payload'

import { validOperatorSet } from 'payload/shared'

import type { InputProblem } from './inputErrors'
import type { QueryTarget } from './resolveQueryPath'

import { dateProblem } from './dateProblem'
import { idRule } from './idRules'
import { shown } from './inputErrors'
import { isPlainObject } from './isPlainObject'
import { resolveQueryPath } from './resolveQueryPath'

const LIST_OPERATORS = new Set(['all', 'in', 'not_in'])
const GEO_OPERATORS = new Set(['intersects', 'near', 'within'])
const TEXT_OPERATORS = new Set(['contains', 'like', 'not_like'])
const BOOLEAN_STRINGS = new Set(['false', 'true'])

/** The values an operator compares with: a list (or comma-separated text) for `in`, else one. */
const valuesOf = (operator: string, value: unknown): unknown[] => {
  if (Array.isArray(value)) {
    return value
  }
  return LIST_OPERATORS.has(operator) && typeof value === 'string' ? value.split(',') : [value]
}

const isNumeric = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/** Null and its spellings match "no value", which any field may be compared with. */
const isNothing = (value: unknown) => value === null || value === 'null' || value === undefined

const idsProblem = (payload: Payload, collections: string[], values: unknown[]) => {
  // A versions query's `id` is a version's: the adapter's ids even where documents differ.
  const rules = collections.flatMap((collection) => [
    idRule(payload, collection),
    idRule(payload, collection, { versions: true }),
  ])
  const bad = values.find((value) => !isNothing(value) && !rules.some((rule) => rule.test(value)))
  return bad === undefined
    ? null
    : `${shown(bad)} cannot be an id of ${collections.join(' or ')} (its ids are ${rules[0].expected})`
}

/**
 * A reference into one of several collections is compared whole with `{ relationTo, value }`,
 * or by its parts: `.value` with ids, `.relationTo` with a collection's name.
 */
const referenceProblem = (
  payload: Payload,
  { collections, part }: { collections: string[]; part: 'relationTo' | 'value' | 'whole' },
  operator: string,
  values: unknown[],
): null | string => {
  if (part === 'relationTo') {
    const bad = values.find(
      (value) => !isNothing(value) && !(typeof value === 'string' && collections.includes(value)),
    )
    return bad === undefined || TEXT_OPERATORS.has(operator)
      ? null
      : `${shown(bad)} is not one of ${collections.join(', ')}`
  }
  if (TEXT_OPERATORS.has(operator)) {
    return `cannot match references as text (${operator})`
  }
  if (part === 'value') {
    return idsProblem(payload, collections, values)
  }
  for (const value of values) {
    if (isNothing(value)) {
      continue
    }
    if (!isPlainObject(value) || typeof value.relationTo !== 'string') {
      return `${shown(value)} is not a reference: compare with { relationTo, value }, or query its .value`
    }
    if (!collections.includes(value.relationTo)) {
      return `${shown(value.relationTo)} is not one of ${collections.join(', ')}`
    }
    const problem = idsProblem(payload, [value.relationTo], [value.value])
    if (problem) {
      return problem
    }
  }
  return null
}

/** Operators that order values: choices have no order. */
const ORDER_OPERATORS = new Set([
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

/** Why `value` cannot be compared, with `operator`, to what the path names; null if it can. */
const comparisonProblem = (
  payload: Payload,
  target: Exclude<QueryTarget, { kind: 'throughJoin' } | null>,
  operator: string,
  values: unknown[],
): null | string => {
  if (target.kind === 'reference') {
    return referenceProblem(payload, target, operator, values)
  }
  const field = target.kind === 'field' ? target.field : null
  const pointsAtIds =
    target.kind === 'id' ||
    ((field?.type === 'relationship' || field?.type === 'upload') &&
      typeof field.relationTo === 'string')
  if (pointsAtIds) {
    const collection =
      target.kind === 'id' ? target.collection : (field as { relationTo: string }).relationTo
    const hasMany = field && 'hasMany' in field && field.hasMany
    if (TEXT_OPERATORS.has(operator) && !(operator === 'contains' && hasMany)) {
      return `cannot match ids as text (${operator})`
    }
    return idsProblem(payload, [collection], values)
  }
  switch (field?.type) {
    case 'checkbox': {
      const bad = values.find(
        (value) =>
          !isNothing(value) && typeof value !== 'boolean' && !BOOLEAN_STRINGS.has(String(value)),
      )
      return bad === undefined ? null : `${shown(bad)} is not true or false`
    }
    case 'date': {
      if (TEXT_OPERATORS.has(operator)) {
        return `cannot match dates as text (${operator})`
      }
      for (const value of values) {
        const problem = isNothing(value) || value === '' ? null : dateProblem(value)
        if (problem) {
          return problem
        }
      }
      return null
    }
    case 'number': {
      if (TEXT_OPERATORS.has(operator) && !('hasMany' in field && field.hasMany)) {
        return `cannot match numbers as text (${operator})`
      }
      const bad = values.find((value) => !isNothing(value) && !isNumeric(value))
      return bad === undefined ? null : `${shown(bad)} is not a number`
    }
    case 'radio':
    case 'select': {
      // Stored as an enum on PostgreSQL: another value, an order or a text match fails there.
      if (operator === 'exists') {
        return null
      }
      if (ORDER_OPERATORS.has(operator) || TEXT_OPERATORS.has(operator)) {
        return `cannot compare choices with ${operator}`
      }
      const allowed = new Set(
        field.options.map((option) => String(typeof option === 'string' ? option : option.value)),
      )
      const bad = values.find((value) => !isNothing(value) && !allowed.has(String(value)))
      return bad === undefined ? null : `${shown(bad)} is not one of its choices`
    }
    case 'json':
    case 'point':
    case 'richText':
      return null
    default: {
      const bad = values.find((value) => typeof value === 'object' && value !== null)
      return bad === undefined ? null : `compares with ${shown(bad)}, which is not a value`
    }
  }
}

/**
 * Problems in a `where`, checked before it reaches the database: its shape (`and`/`or` are
 * lists of conditions, each condition maps operators to values), the operators, and each value
 * against what its path names: ids the collection can have, real dates, numbers, true/false.
 * Each problem names the parameter as written in a query string (`where[id][in]`).
 */
export const whereProblems = (
  payload: Payload,
  collection: string,
  where: unknown,
  name = 'where',
): InputProblem[] => {
  if (where === undefined || where === null) {
    return []
  }
  if (!isPlainObject(where)) {
    return [{ message: 'must be an object of conditions', path: name }]
  }
  const problems: InputProblem[] = []
  for (const [key, condition] of Object.entries(where)) {
    const path = `${name}[${key}]`
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(condition)) {
        problems.push({ message: 'must be a list of conditions', path })
        continue
      }
      condition.forEach((nested, index) =>
        problems.push(...whereProblems(payload, collection, nested, `${path}[${index}]`)),
      )
      continue
    }
    if (key.startsWith('$')) {
      problems.push({ message: 'is not a field', path })
      continue
    }
    if (!isPlainObject(condition)) {
      problems.push({ message: 'must map operators to values, as in [equals]', path })
      continue
    }
    const target = resolveQueryPath(payload, collection, key)
    if (target?.kind === 'throughJoin') {
      problems.push({
        message: `cannot be queried: ${target.join} is a join field, which a query cannot follow`,
        path,
      })
      continue
    }
    for (const [operator, value] of Object.entries(condition)) {
      const operatorPath = `${path}[${operator}]`
      if (!validOperatorSet.has(operator as never)) {
        problems.push({
          message: `is not an operator: use one of ${[...validOperatorSet].join(', ')}`,
          path: operatorPath,
        })
        continue
      }
      // The SQL adapters have no `all` (Payload 3.90: "adapter.operators[queryOperator] is not a
      // function", a 500); MongoDB has.
      if (operator === 'all' && payload.db.name !== 'mongoose') {
        problems.push({
          message: 'is not supported on this database: use in, or several equals under and',
          path: operatorPath,
        })
        continue
      }
      if (operator === 'exists') {
        if (typeof value !== 'boolean' && !BOOLEAN_STRINGS.has(String(value))) {
          problems.push({
            message: `must be true or false, not ${shown(value)}`,
            path: operatorPath,
          })
        }
        continue
      }
      if (GEO_OPERATORS.has(operator)) {
        if (target && !(target.kind === 'field' && target.field.type === 'point')) {
          problems.push({ message: `works on point fields only`, path: operatorPath })
        }
        continue
      }
      if (!target) {
        continue
      }
      const problem = comparisonProblem(payload, target, operator, valuesOf(operator, value))
      if (problem) {
        problems.push({ message: problem, path: operatorPath })
      }
    }
  }
  return problems
}
