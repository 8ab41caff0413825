import type {
  DocumentNode,
  ExecutionArgs,
  FragmentDefinitionNode,
  SelectionSetNode,
  ValidationRule,
} from 'graphql'
import type { PayloadRequest } from 'payload'

import { Kind } from 'graphql'
import { formatNames, toWords } from 'payload'

/**
 * The GraphQL names of the newsroom's collections and globals (`Article`, `Articles`): Payload
 * names every root field after them (`countArticles`, `createArticle`, `versionsArticles`).
 */
const namesOf = new WeakMap<object, string[]>()

/** Worked out once per Payload instance, not on every GraphQL request. */
const newsroomNames = (req: PayloadRequest | undefined, slugs: ReadonlySet<string>): string[] => {
  if (!req?.payload) {
    return []
  }
  const known = namesOf.get(req.payload)
  if (known) {
    return known
  }
  const names: string[] = []
  for (const slug of slugs) {
    const config = req.payload.collections[slug as keyof typeof req.payload.collections]?.config
    if (!config || config.graphQL === false) {
      continue
    }
    // As Payload's GraphQL schema names them: the configured names, else the slug's.
    const fromSlug = formatNames(slug)
    const singular = config.graphQL?.singularName
      ? toWords(config.graphQL.singularName, true)
      : fromSlug.singular
    const plural = config.graphQL?.pluralName
      ? toWords(config.graphQL.pluralName, true)
      : fromSlug.plural
    names.push(singular, singular === plural ? `all${singular}` : plural)
  }
  const found = names.filter(Boolean)
  namesOf.set(req.payload, found)
  return found
}

/** The names of an operation's root fields, through fragments spread at its root. */
const rootFieldNames = (document: DocumentNode): string[] => {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition)
    }
  }
  const names: string[] = []
  const seen = new Set<string>()
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        names.push(selection.name.value)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet)
      } else {
        const fragment = fragments.get(selection.name.value)
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value)
          visit(fragment.selectionSet)
        }
      }
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      visit(definition.selectionSet)
    }
  }
  return names
}

/**
 * The newsroom's GraphQL limits cover a document that reads or writes the newsroom's
 * collections, not the site's own queries: a rule that checks nothing for the others. A
 * document that mixes both is limited whole, so a site's field cannot carry a newsroom read
 * past the limits.
 */
export const scopedToNewsroom =
  (args: ExecutionArgs, slugs: ReadonlySet<string>) =>
  (rule: ValidationRule): ValidationRule =>
  (context) => {
    const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
    const names = newsroomNames(req, slugs)
    const touches = rootFieldNames(context.getDocument()).some((field) =>
      names.some((name) => field === name || field.endsWith(name)),
    )
    return touches ? rule(context) : {}
  }
