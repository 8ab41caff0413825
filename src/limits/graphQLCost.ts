import type {
  ASTVisitor,
  ExecutionArgs,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql'

import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { GraphQLError, Kind } from 'graphql'

import type { ResolvedGraphQLLimits } from './resolveLimits'

import { readLimitProblem } from './readLimit'

type GraphQLLimit = keyof ResolvedGraphQLLimits

/** The 400 a client reads: what was too much, and the option that allows more. */
const tooCostly = (limit: GraphQLLimit, what: string, max: number) =>
  new GraphQLError(
    `This query has more than ${max} ${what}; at most ${max} allowed (the limits.graphQL.${limit} option).`,
    { extensions: { code: 'QUERY_TOO_COSTLY', limit, max } },
  )

/**
 * graphql-armor's rules report through a callback rather than throwing, which would escape
 * graphql's `validate` as a server error instead of answering the query with a 400.
 */
const reported = (limit: GraphQLLimit, what: string, max: number) => ({
  onReject: [
    (context: null | ValidationContext) => context?.reportError(tooCostly(limit, what, max)),
  ],
  propagateOnRejection: false,
})

/** `__typename` is answered from the schema: only fields that read something count. */
const rootFieldsRule =
  (max: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => ({
    OperationDefinition: (node: OperationDefinitionNode) => {
      const count = (set: SelectionSetNode, seen: Set<string>): number =>
        set.selections.reduce((total, selection) => {
          if (selection.kind === Kind.FIELD) {
            return total + (selection.name.value === '__typename' ? 0 : 1)
          }
          if (selection.kind === Kind.INLINE_FRAGMENT) {
            return total + count(selection.selectionSet, seen)
          }
          const fragment = context.getFragment(selection.name.value)
          // A cycle is graphql's own NoFragmentCycles rule's to report.
          if (!fragment || seen.has(fragment.name.value)) {
            return total
          }
          return total + count(fragment.selectionSet, new Set([...seen, fragment.name.value]))
        }, 0)
      if (count(node.selectionSet, new Set()) > max) {
        context.reportError(tooCostly('maxRootFields', 'top-level fields', max))
      }
    },
  })

/**
 * Aliases and depth (graphql-armor's rules: fragments counted each time they are spread, measured
 * once; introspection left out of depth) and top-level fields of each operation.
 */
export const graphQLCostRules = (limits: ResolvedGraphQLLimits): ValidationRule[] => [
  maxAliasesRule({
    n: limits.maxAliases,
    ...reported('maxAliases', 'aliases', limits.maxAliases),
  }) as unknown as ValidationRule,
  maxDepthRule({
    flattenFragments: true,
    n: limits.maxDepth,
    ...reported('maxDepth', 'levels of nested fields', limits.maxDepth),
  }) as unknown as ValidationRule,
  rootFieldsRule(limits.maxRootFields),
]

/** A literal argument's value, or a variable's (as sent, else its declared default). */
const argumentValue = (
  value: ValueNode,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode>,
): unknown => {
  switch (value.kind) {
    case Kind.INT:
    case Kind.FLOAT:
      return Number(value.value)
    case Kind.BOOLEAN:
      return value.value
    case Kind.NULL:
      return null
    case Kind.STRING:
    case Kind.ENUM:
      return value.value
    case Kind.VARIABLE: {
      const name = value.name.value
      if (name in variables) {
        return variables[name]
      }
      const fallback = defaults.get(name)
      return fallback && fallback.kind !== Kind.VARIABLE
        ? argumentValue(fallback, variables, defaults)
        : undefined
    }
    default:
      return value
  }
}

/** The `limit` and `pagination` arguments of every list field, against `maxLimit`. */
export const graphQLLimitRule =
  (maxLimit: number, variableValues: ExecutionArgs['variableValues']): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const variables = (variableValues ?? {}) as Record<string, unknown>
    const defaults = new Map<string, ValueNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        for (const variable of definition.variableDefinitions ?? []) {
          if (variable.defaultValue) {
            defaults.set(variable.variable.name.value, variable.defaultValue)
          }
        }
      }
    }
    return {
      Field: (node) => {
        const paging: Record<string, unknown> = {}
        for (const argument of node.arguments ?? []) {
          if (argument.name.value === 'limit' || argument.name.value === 'pagination') {
            paging[argument.name.value] = argumentValue(argument.value, variables, defaults)
          }
        }
        if (!('limit' in paging) && !('pagination' in paging)) {
          return
        }
        const problem = readLimitProblem(paging, maxLimit)
        if (problem) {
          context.reportError(
            new GraphQLError(`${node.name.value}: ${problem}.`, {
              extensions: { code: 'LIMIT_TOO_HIGH', limit: 'maxLimit', max: maxLimit },
              nodes: [node],
            }),
          )
        }
      },
    }
  }
