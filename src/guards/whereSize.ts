import type { InputProblem } from './inputErrors'

import { isPlainObject } from './isPlainObject'

/**
 * The most terms one `where` may compare: each condition is one, and a text match (`like`,
 * `contains`, `not_like`) one per word, as the adapters match each word on its own. SQLite
 * refuses an expression nested over 1,000 deep ("Expression tree is too large", a 500 that
 * logs the whole query), which ~500 words reach; PostgreSQL and MongoDB take longer to say so.
 */
export const MAX_WHERE_TERMS = 200

/** The most values one `in`, `not_in` or `all` may list (each is a bound parameter in SQL). */
export const MAX_LIST_VALUES = 1000

const TEXT_OPERATORS = new Set(['contains', 'like', 'not_like'])
const LIST_OPERATORS = new Set(['all', 'in', 'not_in'])

const wordsIn = (value: unknown): number =>
  typeof value === 'string' ? value.split(/\s+/).filter(Boolean).length : 1

const listLength = (value: unknown): number =>
  Array.isArray(value) ? value.length : typeof value === 'string' ? value.split(',').length : 1

/**
 * A `where` too large for a database to take, measured before anything else looks at it: the
 * terms it compares, and the values each list holds. Iterative, so a deep `where` cannot
 * overflow the stack here (its depth is scanInput's to refuse).
 */
export const whereSizeProblems = (where: unknown, name = 'where'): InputProblem[] => {
  let terms = 0
  const stack: unknown[] = [where]
  while (stack.length) {
    const current = stack.pop()
    if (Array.isArray(current)) {
      stack.push(...current)
      continue
    }
    if (!isPlainObject(current)) {
      continue
    }
    for (const [key, condition] of Object.entries(current)) {
      if (key === 'and' || key === 'or') {
        stack.push(condition)
        continue
      }
      if (!isPlainObject(condition)) {
        terms += 1
        continue
      }
      for (const [operator, value] of Object.entries(condition)) {
        if (LIST_OPERATORS.has(operator) && listLength(value) > MAX_LIST_VALUES) {
          return [
            {
              message: `lists ${listLength(value)} values; at most ${MAX_LIST_VALUES} are allowed`,
              path: `${name}[${key}][${operator}]`,
            },
          ]
        }
        terms += TEXT_OPERATORS.has(operator) ? wordsIn(value) : 1
      }
    }
  }
  return terms > MAX_WHERE_TERMS
    ? [
        {
          message: `compares ${terms} words and conditions; at most ${MAX_WHERE_TERMS} are allowed in one query`,
          path: name,
        },
      ]
    : []
}
