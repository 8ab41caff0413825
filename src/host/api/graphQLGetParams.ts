import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql'

/** A GraphQL request as GraphQL over HTTP sends it, whichever method carried it. */
export type GraphQLParams = {
  operationName?: string
  query: string
  variables: Record<string, unknown>
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * GraphQL over HTTP's GET: `?query=<document>&variables=<JSON object>&operationName=<name>`, or
 * what is wrong with it, as a sentence for a 400.
 */
export const graphQLGetParams = (
  search: URLSearchParams,
): { params: GraphQLParams } | { problem: string } => {
  for (const name of ['query', 'variables', 'operationName']) {
    if (search.getAll(name).length > 1) {
      return { problem: `"${name}" is given more than once; give it once.` }
    }
  }
  const query = search.get('query')
  if (!query?.trim()) {
    return { problem: 'A GraphQL GET request needs ?query=: a GraphQL document.' }
  }
  let variables: unknown = {}
  const rawVariables = search.get('variables')
  if (rawVariables !== null && rawVariables.trim() !== '') {
    try {
      variables = JSON.parse(rawVariables)
    } catch {
      variables = undefined
    }
    if (!isObject(variables)) {
      return { problem: '"variables" must be a JSON object of variable values.' }
    }
  }
  const operationName = search.get('operationName') || undefined
  return { params: { operationName, query, variables: variables as Record<string, unknown> } }
}

/** The operation a request runs: the one it names, or the document's only one. */
export const operationOf = (
  document: DocumentNode,
  name: string | undefined,
): OperationDefinitionNode | undefined => {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )
  return name === undefined
    ? operations.length === 1
      ? operations[0]
      : undefined
    : operations.find((operation) => operation.name?.value === name)
}
