import type {
  ASTVisitor,
  ExecutionArgs,
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql'

import { GraphQLError, Kind } from 'graphql'

import type { ResolvedGraphQLLimits } from './resolveLimits'

import { readLimitProblem } from './readLimit'

type Cost = { aliases: number; depth: number; rootFields: number }

const NONE: Cost = { aliases: 0, depth: 0, rootFields: 0 }

/** `__schema`, `__type`, `__typename`: answered from the schema, never from the database. */
const isIntrospection = (field: FieldNode): boolean => field.name.value.startsWith('__')

/**
 * Measures an operation with its fragments expanded, each fragment measured once (memoised), so
 * a fragment spread many times counts every time without the walk itself growing with it.
 * Cycles are left to graphql's own NoFragmentCycles rule: a fragment being measured counts 0.
 */
const measurer = (fragments: Map<string, FragmentDefinitionNode>) => {
  const memo = new Map<string, Cost>()
  const visiting = new Set<string>()

  const selections = (set: SelectionSetNode): Cost => {
    let aliases = 0
    let depth = 0
    let rootFields = 0
    for (const selection of set.selections) {
      let cost: Cost
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? selections(selection.selectionSet) : NONE
        const introspection = isIntrospection(selection)
        cost = {
          aliases: inner.aliases + (selection.alias ? 1 : 0),
          depth: introspection ? 0 : inner.depth + 1,
          rootFields: selection.name.value === '__typename' ? 0 : 1,
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost = selections(selection.selectionSet)
      } else {
        cost = fragment(selection.name.value)
      }
      aliases += cost.aliases
      depth = Math.max(depth, cost.depth)
      rootFields += cost.rootFields
    }
    return { aliases, depth, rootFields }
  }

  const fragment = (name: string): Cost => {
    const known = memo.get(name)
    if (known) {
      return known
    }
    const definition = fragments.get(name)
    if (!definition || visiting.has(name)) {
      return NONE
    }
    visiting.add(name)
    const cost = selections(definition.selectionSet)
    visiting.delete(name)
    memo.set(name, cost)
    return cost
  }

  return (operation: OperationDefinitionNode): Cost => selections(operation.selectionSet)
}

const tooCostly = (
  node: OperationDefinitionNode,
  limit: keyof ResolvedGraphQLLimits,
  message: string,
  actual: number,
  max: number,
) =>
  new GraphQLError(`${message}; at most ${max} allowed (the limits.graphQL.${limit} option).`, {
    extensions: { actual, code: 'QUERY_TOO_COSTLY', limit, max },
    nodes: [node],
  })

/** Aliases, depth and top-level fields of each operation, against the plugin's limits. */
export const graphQLCostRule =
  (limits: ResolvedGraphQLLimits): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition)
      }
    }
    const measure = measurer(fragments)
    return {
      OperationDefinition: (node) => {
        const { aliases, depth, rootFields } = measure(node)
        if (aliases > limits.maxAliases) {
          context.reportError(
            tooCostly(
              node,
              'maxAliases',
              `This query has ${aliases} aliases`,
              aliases,
              limits.maxAliases,
            ),
          )
        }
        if (depth > limits.maxDepth) {
          context.reportError(
            tooCostly(
              node,
              'maxDepth',
              `This query nests ${depth} fields deep`,
              depth,
              limits.maxDepth,
            ),
          )
        }
        if (rootFields > limits.maxRootFields) {
          context.reportError(
            tooCostly(
              node,
              'maxRootFields',
              `This query has ${rootFields} top-level fields`,
              rootFields,
              limits.maxRootFields,
            ),
          )
        }
      },
    }
  }

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
