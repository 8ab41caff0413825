import type { FlattenedField, PayloadRequest } from 'payload'

import type { InputProblem } from './inputErrors'

import { blocksOf } from './blocksOf'
import { dateProblem } from './dateProblem'
import { idRule } from './idRules'
import { shown } from './inputErrors'
import { isPlainObject } from './isPlainObject'
import { lexicalProblems } from './lexicalProblems'

type Data = Record<string, unknown>

/** A record the data points at, to be looked up once the data's shape is known to be sound. */
export type Reference = {
  collection: string
  id: unknown
  /** The field to name when it does not exist. */
  path: string
  /** How the message puts it: "points at", "has a block whose quote points at". */
  what: string
}

export type DataContext = {
  /** Problems found so far, each with the field's path (`hero.image`, `bylines.0.author`). */
  problems: InputProblem[]
  /** Every id the data points at, with where. */
  references: Reference[]
  req: PayloadRequest
}

const join = (prefix: string, name: number | string) =>
  prefix ? `${prefix}.${name}` : String(name)

const TEXT_TYPES = new Set(['code', 'email', 'text', 'textarea'])

/** A relationship's value as an id, from any shape Payload accepts: id, `{ id }`, `{ value }`. */
const relationValue = (item: unknown): unknown =>
  isPlainObject(item) ? ('value' in item ? item.value : item.id) : item

/**
 * Ids a relationship or upload field points at must be ids the target collection can have: on
 * SQL a non-number reaches the database as NaN, on MongoDB a non-ObjectId fails the cast.
 */
const checkRelation = (field: FlattenedField, value: unknown, path: string, ctx: DataContext) => {
  if (field.type !== 'relationship' && field.type !== 'upload') {
    return
  }
  const items = Array.isArray(value) ? value : [value]
  if (Array.isArray(value) && !('hasMany' in field && field.hasMany)) {
    ctx.problems.push({ message: 'takes one record, not a list', path })
    return
  }
  for (const [index, item] of items.entries()) {
    // Nothing chosen: a form may send an empty string where it means no record.
    if (item === null || item === undefined || item === '') {
      continue
    }
    const itemPath = Array.isArray(value) ? join(path, index) : path
    const targets: string[] = Array.isArray(field.relationTo)
      ? field.relationTo
      : [field.relationTo]
    let target = targets[0]
    if (Array.isArray(field.relationTo)) {
      const relationTo = isPlainObject(item) ? item.relationTo : undefined
      if (typeof relationTo !== 'string' || !targets.includes(relationTo)) {
        ctx.problems.push({
          message: `must name its collection, one of ${targets.join(', ')}, in relationTo`,
          path: itemPath,
        })
        continue
      }
      target = relationTo
    }
    const id = relationValue(item)
    const rule = idRule(ctx.req.payload, target)
    if (!rule.test(id)) {
      ctx.problems.push({
        message: `points at ${shown(id)}, which cannot be an id of ${target} (its ids are ${rule.expected})`,
        path: itemPath,
      })
      continue
    }
    ctx.references.push({ collection: target, id, path: itemPath, what: 'points at' })
  }
}

const optionValues = (field: FlattenedField): null | Set<string> =>
  field.type === 'select' || field.type === 'radio'
    ? new Set(field.options.map((option) => (typeof option === 'string' ? option : option.value)))
    : null

/** Type checks on one field's value; nested fields are walked by `validateFields`. */
const checkValue = (field: FlattenedField, value: unknown, path: string, ctx: DataContext) => {
  const hasMany = 'hasMany' in field && field.hasMany === true
  switch (field.type) {
    case 'array':
    case 'blocks': {
      // The admin's autosave sends an empty list as its row count, 0; Payload ignores it.
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
        return
      }
      if (!Array.isArray(value)) {
        ctx.problems.push({ message: 'must be a list of rows', path })
        return
      }
      for (const [index, row] of value.entries()) {
        const rowPath = join(path, index)
        if (!isPlainObject(row)) {
          ctx.problems.push({ message: 'must be an object', path: rowPath })
          continue
        }
        if (field.type === 'array') {
          validateFields(field.flattenedFields, row, rowPath, ctx)
          continue
        }
        const block = blocksOf(field, ctx.req.payload).find(({ slug }) => slug === row.blockType)
        if (!block) {
          ctx.problems.push({
            message: `has an unknown blockType ${shown(row.blockType)}`,
            path: rowPath,
          })
          continue
        }
        validateFields(block.flattenedFields, row, rowPath, ctx)
      }
      return
    }
    case 'checkbox':
      if (typeof value !== 'boolean') {
        ctx.problems.push({ message: 'must be true or false', path })
      }
      return
    case 'date': {
      const problem = dateProblem(value)
      if (problem) {
        ctx.problems.push({ message: problem, path })
      }
      return
    }
    case 'group':
    case 'tab':
      if (!isPlainObject(value)) {
        ctx.problems.push({ message: 'must be an object', path })
        return
      }
      validateFields(field.flattenedFields, value, path, ctx)
      return
    case 'number': {
      const numbers = hasMany && Array.isArray(value) ? value : [value]
      if (numbers.some((number) => typeof number !== 'number' && typeof number !== 'string')) {
        ctx.problems.push({ message: 'must be a number', path })
      }
      return
    }
    case 'radio':
    case 'select': {
      const values = hasMany && Array.isArray(value) ? value : [value]
      const allowed = optionValues(field)
      const bad = values.find((item) => typeof item !== 'string' || !allowed?.has(item))
      if (bad !== undefined || (Array.isArray(value) && !hasMany)) {
        ctx.problems.push({
          message: `must be one of ${[...(allowed ?? [])].join(', ')}, not ${shown(bad ?? value)}`,
          path,
        })
      }
      return
    }
    case 'relationship':
    case 'upload':
      checkRelation(field, value, path, ctx)
      return
    case 'richText':
      ctx.problems.push(...lexicalProblems(field, value, path, ctx))
      return
    default:
      if (TEXT_TYPES.has(field.type)) {
        const texts = hasMany && Array.isArray(value) ? value : [value]
        if (texts.some((text) => typeof text !== 'string')) {
          ctx.problems.push({ message: hasMany ? 'must be a list of texts' : 'must be text', path })
        }
      }
  }
}

/**
 * Checks a write's data against the fields it claims to fill: the shape of groups, arrays and
 * blocks, dates, select options, text, and the ids relationships point at, so a value that
 * would crash the database or every later read is a 400 naming the field instead. Only what
 * is present is checked (updates are partial); what Payload's own validation judges (required
 * fields, lengths, a relationship's target existing) is left to it. Recursive, so callers must
 * have bounded the data's depth first (`scanInput`).
 */
export const validateFields = (
  fields: FlattenedField[],
  data: Data,
  path: string,
  ctx: DataContext,
): void => {
  for (const field of fields) {
    if (!('name' in field) || !(field.name in data) || field.type === 'join') {
      continue
    }
    const value = data[field.name]
    // Null clears a value; a virtual field stores nothing; all locales at once is left to Payload.
    if (value === null || value === undefined || ('virtual' in field && field.virtual)) {
      continue
    }
    if ('localized' in field && field.localized && ctx.req.locale === 'all') {
      continue
    }
    checkValue(field, value, join(path, field.name), ctx)
  }
}
