import type { DirectiveNode, DocumentNode } from 'graphql'

import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  Lexer,
  NoFragmentCyclesRule,
  parse,
  Source,
  TokenKind,
  validate,
  visit,
} from 'graphql'

/**
 * Limits on a GraphQL document's text, looked at before Payload parses and validates it: a 1 MB
 * query of 30,000 aliases took seconds to parse and validate before the cost rules refused it,
 * and two of them held the event loop. The defaults are far above any query a client needs
 * within the cost limits (10 aliases, 10 top-level fields, 10 levels).
 */
export const DEFAULT_GRAPHQL_DOCUMENT_LIMITS = {
  maxChars: 50_000,
  /** Braces, parentheses and brackets open at once: the parser and the rules recurse on each. */
  maxNesting: 100,
  maxTokens: 5_000,
} as const

export type GraphQLDocumentLimits = { maxChars: number; maxNesting: number; maxTokens: number }

/** Any schema: the fragment-cycle rule looks at the document alone. */
const EMPTY_SCHEMA = new GraphQLSchema({
  query: new GraphQLObjectType({ fields: { _: { type: GraphQLString } }, name: 'Query' }),
})

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L])
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R])

/**
 * Whether a variables object nests deeper than `limit`, measured without recursion: a JSON body
 * of 5,000 levels parses, but everything after that walks it recursively (graphql-js coercing
 * the variables, JSON.stringify, the API cache's key) and overflows the stack.
 */
const nestedDeeperThan = (value: unknown, limit: number): boolean => {
  const stack: { depth: number; value: unknown }[] = [{ depth: 0, value }]
  while (stack.length > 0) {
    const { depth, value: current } = stack.pop()!
    if (typeof current !== 'object' || current === null) {
      continue
    }
    if (depth >= limit) {
      return true
    }
    for (const inner of Object.values(current)) {
      stack.push({ depth: depth + 1, value: inner })
    }
  }
  return false
}

/** Counts tokens and nesting with graphql-js's own lexer, stopping at the first limit passed. */
const textProblem = (query: string, { maxNesting, maxTokens }: GraphQLDocumentLimits) => {
  const lexer = new Lexer(new Source(query))
  let tokens = 0
  let nesting = 0
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    tokens += 1
    if (tokens > maxTokens) {
      return `The GraphQL document has more than ${maxTokens} tokens; at most ${maxTokens} are allowed.`
    }
    if (OPENING.has(token.kind)) {
      nesting += 1
      if (nesting > maxNesting) {
        return `The GraphQL document nests more than ${maxNesting} levels of braces, parentheses or brackets; at most ${maxNesting} are allowed.`
      }
    } else if (CLOSING.has(token.kind)) {
      nesting -= 1
    }
  }
  return null
}

/**
 * `@include` and `@skip` are read by Payload's complexity rule (graphql-query-complexity) with
 * graphql's getDirectiveValues, which throws, past graphql's own validation, when `if` is not a
 * boolean or names a variable with no value: graphql-http answered that with a 500.
 */
const conditionProblem = (document: DocumentNode, variables: Record<string, unknown>) => {
  const defaults = new Set<string>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      for (const variable of definition.variableDefinitions ?? []) {
        if (variable.defaultValue?.kind === Kind.BOOLEAN) {
          defaults.add(variable.variable.name.value)
        }
      }
    }
  }
  let problem: null | string = null
  const check = (directive: DirectiveNode) => {
    const name = directive.name.value
    if (problem || (name !== 'include' && name !== 'skip')) {
      return
    }
    const condition = directive.arguments?.find((argument) => argument.name.value === 'if')?.value
    const given =
      condition?.kind === Kind.BOOLEAN ||
      (condition?.kind === Kind.VARIABLE &&
        (typeof variables[condition.name.value] === 'boolean' ||
          (!(condition.name.value in variables) && defaults.has(condition.name.value))))
    if (!given) {
      problem = `@${name} needs "if": true, false or a Boolean variable that has a value.`
    }
  }
  visit(document, { Directive: check })
  return problem
}

/**
 * Why a document cannot be run, checked cheaply and in this order: its length, its tokens and
 * nesting (counted by the lexer before anything parses), then what crashes Payload's complexity
 * rule rather than failing validation: a fragment cycle (it follows spreads before graphql's own
 * NoFragmentCycles rule has said anything, and overflows the stack), a subscription (the schema
 * has none), an `@include`/`@skip` without a boolean. Null when the document is fit to hand on,
 * syntax errors included: Payload's handler answers those itself, with their location.
 */
export const graphQLDocumentProblem = (
  query: string,
  variables: Record<string, unknown> = {},
  limits: GraphQLDocumentLimits = DEFAULT_GRAPHQL_DOCUMENT_LIMITS,
): null | string => {
  if (query.length > limits.maxChars) {
    return `The GraphQL document is ${query.length} characters long; at most ${limits.maxChars} are allowed.`
  }
  if (nestedDeeperThan(variables, limits.maxNesting)) {
    return `The GraphQL variables are nested more than ${limits.maxNesting} levels deep; at most ${limits.maxNesting} are allowed.`
  }
  let document: DocumentNode
  try {
    const problem = textProblem(query, limits)
    if (problem) {
      return problem
    }
    document = parse(query)
  } catch {
    return null
  }
  const [cycle] = validate(EMPTY_SCHEMA, document, [NoFragmentCyclesRule])
  if (cycle) {
    return cycle.message
  }
  const subscription = document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription',
  )
  if (subscription) {
    return 'This GraphQL API has no subscriptions: send a query or a mutation.'
  }
  return conditionProblem(document, variables)
}
