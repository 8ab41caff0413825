/** Where a problem sits in a client's value: the keys and indexes from its top. */
export type ValuePath = (number | string)[]

export type ScanProblem = { message: string; path: ValuePath }

/**
 * Problems any client value can carry, whatever the field: nesting deeper than `maxDepth`
 * (Payload and the Lexical editor walk input recursively, so 5,000 levels overflow the stack),
 * NUL characters (PostgreSQL cannot store them in text), numbers JSON cannot round-trip (`1e400`
 * parses as Infinity) and `__proto__` keys. Iterative, so the scan itself cannot overflow; it
 * stops at the first problem.
 */
export const scanInput = (value: unknown, maxDepth: number): ScanProblem | null => {
  const stack: { depth: number; path: ValuePath; value: unknown }[] = [
    { depth: 0, path: [], value },
  ]
  while (stack.length) {
    const { depth, path, value: current } = stack.pop()!
    if (typeof current === 'string') {
      if (current.includes('\u0000')) {
        return { message: 'contains a NUL character', path }
      }
      continue
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) {
        return { message: 'is not a finite number', path }
      }
      continue
    }
    if (typeof current !== 'object' || current === null || current instanceof Date) {
      continue
    }
    if (depth >= maxDepth) {
      return { message: `is nested more than ${maxDepth} levels deep`, path }
    }
    for (const key of Object.keys(current)) {
      if (key === '__proto__') {
        return { message: 'has a __proto__ key', path }
      }
      if (key.includes('\u0000')) {
        return { message: 'has a key with a NUL character', path }
      }
      stack.push({
        depth: depth + 1,
        path: [...path, Array.isArray(current) ? Number(key) : key],
        value: (current as Record<string, unknown>)[key],
      })
    }
  }
  return null
}

/** `a.b.0.c`, as Payload names a field in its validation errors. */
export const dottedPath = (path: ValuePath): string => path.join('.')

/** `where[a][b][0]`, as the parameter is written in a query string. */
export const bracketPath = (root: string, path: ValuePath): string =>
  `${root}${path.map((segment) => `[${segment}]`).join('')}`
