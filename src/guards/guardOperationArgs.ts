import type {
  CollectionBeforeOperationHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import type { InputProblem } from './inputErrors'

import { idRule } from './idRules'
import { invalidInput, unknownId } from './inputErrors'
import { isPlainObject } from './isPlainObject'
import { missingReferences } from './missingReferences'
import { bracketPath, dottedPath, scanInput } from './scanInput'
import { type Reference, validateFields } from './validateData'
import { queryArgProblems, type QueryArgs } from './validateQueryArgs'

type OperationArgs = QueryArgs & {
  data?: unknown
  duplicateFromID?: unknown
  id?: unknown
}

export type InputGuardOptions = {
  /** The deepest nesting accepted in a write's data or a query's `where`. */
  maxDepth: number
  /**
   * Whether a write's body is checked against the fields (the newsroom's collections); off for
   * Payload's own, whose writes come from Payload itself, where ids and queries are checked only.
   */
  writes?: boolean
}

const WRITES = new Set(['create', 'update'])
const ACCOUNT_OPERATIONS = new Set(['forgotPassword', 'login', 'resetPassword', 'unlock'])
const ACCOUNT_TEXT_FIELDS = ['email', 'password', 'token', 'username']

/** A request body that is not a JSON object of fields: what it was instead. */
const bodyProblem = (data: unknown, req: PayloadRequest): null | string => {
  if (isPlainObject(data)) {
    return null
  }
  if (data === undefined) {
    const type = req.headers?.get('content-type')?.split(';')[0].trim()
    return type
      ? `the request body must be a JSON object of fields, sent as application/json (or as the _payload of multipart/form-data), not ${type}.`
      : 'the request has no body: send a JSON object of fields as application/json.'
  }
  const kind = data === null ? 'null' : Array.isArray(data) ? 'a list' : `a JSON ${typeof data}`
  return `the request body must be a JSON object of fields, not ${kind}.`
}

/** An id in the path, or the record a duplicate copies, that no record can have: a 404. */
const checkIds = (
  args: OperationArgs,
  operation: string,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
) => {
  const versions = idRule(req.payload, collection.slug, { versions: true })
  // `read` with an id may be a version's (findVersionByID); restoreVersion always is.
  const rules =
    operation === 'restoreVersion' ? [versions] : [idRule(req.payload, collection.slug), versions]
  // Payload's REST handlers parseFloat the path's id on SQL: '1.0', ' 1' and '1abc' all become
  // record 1. The id as the client wrote it is the one to judge.
  const routeId =
    (args.id !== undefined || args.duplicateFromID !== undefined) &&
    req.routeParams?.collection === collection.slug
      ? req.routeParams?.id
      : undefined
  for (const id of [args.id, args.duplicateFromID, routeId]) {
    if (id !== undefined && id !== null && !rules.some((rule) => rule.test(id))) {
      throw unknownId(collection.slug, id, rules[0].expected, req)
    }
  }
}

/** A write's data: a JSON object, not too deep, no NUL, and values its fields can store. */
const checkData = async (
  data: unknown,
  operation: string,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
  maxDepth: number,
) => {
  // Upload collections copy the body into a new object before this hook (a JSON list becomes
  // an object): judge the body as it came in.
  const sent =
    req.routeParams?.collection === collection.slug && req.data !== undefined ? req.data : data
  // A file alone (multipart without `_payload`) is a write with no fields.
  if (sent === undefined && req.file) {
    return
  }
  const problem = bodyProblem(sent, req) ?? bodyProblem(data, req)
  if (problem) {
    throw invalidInput([{ message: problem, path: '' }], req, collection.slug)
  }
  const scanned = scanInput(data, maxDepth)
  if (scanned) {
    throw invalidInput(
      [{ message: scanned.message, path: dottedPath(scanned.path) }],
      req,
      collection.slug,
    )
  }
  const fields = data as Record<string, unknown>
  const problems: InputProblem[] = []
  if (ACCOUNT_OPERATIONS.has(operation) || collection.auth) {
    for (const name of ACCOUNT_TEXT_FIELDS) {
      if (fields[name] !== undefined && fields[name] !== null && typeof fields[name] !== 'string') {
        problems.push({ message: 'must be text', path: name })
      }
    }
  }
  if (WRITES.has(operation)) {
    if (fields.id !== undefined && fields.id !== null) {
      const rule = idRule(req.payload, collection.slug)
      if (!rule.test(fields.id)) {
        problems.push({
          message: `cannot be an id of ${collection.slug} (its ids are ${rule.expected})`,
          path: 'id',
        })
      }
    }
    const references: Reference[] = []
    validateFields(collection.flattenedFields, fields, '', { problems, references, req })
    if (!problems.length) {
      problems.push(...(await missingReferences(req, references)))
    }
  }
  if (problems.length) {
    throw invalidInput(problems, req, collection.slug)
  }
}

/** Paging, shaping and `where`: bounded in depth, then checked against the fields. */
const checkQuery = (
  args: OperationArgs,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
  maxDepth: number,
) => {
  if (args.where !== undefined) {
    const scanned = scanInput(args.where, maxDepth)
    if (scanned) {
      throw invalidInput(
        [{ message: scanned.message, path: bracketPath('where', scanned.path) }],
        req,
      )
    }
  }
  const problems = queryArgProblems(req.payload, collection.slug, args)
  if (problems.length) {
    throw invalidInput(problems, req)
  }
}

/**
 * Checks what a client hands an operation before any other hook, the access checks or the
 * database see it, through every door (REST, GraphQL, the Local API): ids in the path (a 404
 * naming the id, as no such record can exist), the body of a write and the fields it fills,
 * and a read's `where`, paging and shaping (400s naming the field or parameter). Nothing is
 * written when it throws; valid input passes unchanged.
 */
export const guardOperationArgs =
  ({ maxDepth, writes = true }: InputGuardOptions): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    const operationArgs = args as OperationArgs
    checkIds(operationArgs, operation, collection, req)
    if (writes && (WRITES.has(operation) || ACCOUNT_OPERATIONS.has(operation))) {
      await checkData(operationArgs.data, operation, collection, req, maxDepth)
    }
    if (!ACCOUNT_OPERATIONS.has(operation)) {
      checkQuery(operationArgs, collection, req, maxDepth)
    }
    return args
  }
