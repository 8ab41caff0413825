import type { Field, FlattenedField, PayloadRequest } from 'payload'

import { flattenAllFields } from 'payload'

import type { InputProblem } from './inputErrors'
import type { DataContext, Reference } from './validateData'

import { collectionOf } from './collectionOf'
import { idRule } from './idRules'
import { shown } from './inputErrors'
import { isPlainObject } from './isPlainObject'
import { validateFields } from './validateData'

/** Lexical's own nodes, which no feature registers: every editor has them. */
const CORE_NODE_TYPES = ['linebreak', 'paragraph', 'root', 'tab', 'text']

type SerializedNode = Record<string, unknown> & { type?: unknown }

type SubFields = Map<string, (args: { node: SerializedNode; req: PayloadRequest }) => unknown>

/** What a Lexical editor's sanitized config exposes about its nodes. */
type LexicalFeatures = {
  getSubFields?: SubFields
  getSubFieldsData?: SubFields
  nodes?: { node: { getType?: () => string } }[]
}

const featuresOf = (field: FlattenedField): LexicalFeatures | null => {
  const editor = (field as { editor?: { editorConfig?: { features?: LexicalFeatures } } }).editor
  return editor?.editorConfig?.features ?? null
}

const nodeTypesCache = new WeakMap<LexicalFeatures, Set<string>>()

/** The node types an editor can hold: Lexical's core ones and those its features register. */
const nodeTypesOf = (features: LexicalFeatures): Set<string> => {
  let types = nodeTypesCache.get(features)
  if (!types) {
    types = new Set([
      ...CORE_NODE_TYPES,
      ...(features.nodes ?? []).flatMap(({ node }) => (node.getType ? [node.getType()] : [])),
    ])
    nodeTypesCache.set(features, types)
  }
  return types
}

const flattenedCache = new WeakMap<Field[], FlattenedField[]>()

const flattened = (fields: Field[]): FlattenedField[] => {
  let flat = flattenedCache.get(fields)
  if (!flat) {
    flat = flattenAllFields({ fields })
    flattenedCache.set(fields, flat)
  }
  return flat
}

const BLOCK_TYPES = new Set(['block', 'inlineBlock'])

/** A node's own problem, before its children are looked at. */
const nodeProblem = (
  node: SerializedNode,
  allowed: Set<string>,
  isRoot: boolean,
): null | string => {
  if (typeof node.type !== 'string') {
    return 'is a node without a type'
  }
  if (isRoot !== (node.type === 'root')) {
    return isRoot
      ? `must start with a root node, not ${shown(node.type)}`
      : 'has a second root node'
  }
  if (!allowed.has(node.type)) {
    return `has a node of unknown type ${shown(node.type)}; this editor knows ${[...allowed].sort().join(', ')}`
  }
  if ('children' in node && !Array.isArray(node.children)) {
    return `has a ${node.type} node whose children are not a list`
  }
  if (node.type === 'text' && typeof node.text !== 'string') {
    return 'has a text node without text'
  }
  if (
    BLOCK_TYPES.has(node.type) &&
    !(isPlainObject(node.fields) && typeof node.fields.blockType === 'string')
  ) {
    return `has a ${node.type} node without fields and a blockType`
  }
  if ('fields' in node && node.fields !== undefined && !isPlainObject(node.fields)) {
    return `has a ${node.type} node whose fields are not an object`
  }
  return null
}

/** Upload and relationship nodes point at a record of `relationTo` by `value`. */
const pointerProblem = (node: SerializedNode, req: PayloadRequest): null | string => {
  if (!('relationTo' in node) && !('value' in node)) {
    return null
  }
  const { relationTo } = node
  if (typeof relationTo !== 'string' || !collectionOf(req.payload, relationTo)) {
    return `has a ${String(node.type)} node pointing at an unknown collection ${shown(relationTo)}`
  }
  const value = isPlainObject(node.value) ? node.value.id : node.value
  const rule = idRule(req.payload, relationTo)
  return rule.test(value)
    ? null
    : `has a ${String(node.type)} node pointing at ${shown(value)}, which cannot be an id of ${relationTo} (its ids are ${rule.expected})`
}

/** The record an upload or relationship node points at, once its id is known to be sound. */
const pointerReference = (node: SerializedNode, path: string): null | Reference =>
  typeof node.relationTo === 'string' && 'value' in node
    ? {
        collection: node.relationTo,
        id: isPlainObject(node.value) ? node.value.id : node.value,
        path,
        what: `has a ${String(node.type)} node pointing at`,
      }
    : null

/**
 * Problems in a Lexical rich-text value: not an editor state, a node type the editor does not
 * know (it would break every render of the story), a block of an unknown type, and the ids that
 * block fields, links, uploads and relationships inside it point at. Each problem names the field
 * (`body`) and where in it the node sits.
 */
export const lexicalProblems = (
  field: FlattenedField,
  value: unknown,
  path: string,
  ctx: DataContext,
): InputProblem[] => {
  const features = featuresOf(field)
  // Another editor (Slate) stores another shape: its own validation judges it.
  if (!features) {
    return []
  }
  if (!isPlainObject(value) || !isPlainObject(value.root)) {
    return [{ message: 'must be a rich-text document: an object with a root node', path }]
  }
  const allowed = nodeTypesOf(features)
  const problems: InputProblem[] = []
  const stack: { node: unknown; path: string }[] = [{ node: value.root, path: `${path}.root` }]
  while (stack.length && !problems.length) {
    const { node, path: nodePath } = stack.pop()!
    if (!isPlainObject(node)) {
      problems.push({ message: 'has a node that is not an object', path: nodePath })
      break
    }
    const problem =
      nodeProblem(node, allowed, nodePath === `${path}.root`) ?? pointerProblem(node, ctx.req)
    if (problem) {
      problems.push({ message: problem, path })
      break
    }
    const pointer = pointerReference(node, path)
    if (pointer) {
      ctx.references.push(pointer)
    }
    const type = node.type as string
    const subFields = features.getSubFields?.get(type)?.({ node, req: ctx.req })
    if (BLOCK_TYPES.has(type) && !Array.isArray(subFields)) {
      problems.push({
        message: `has a ${type} of unknown blockType ${shown((node.fields as { blockType: string }).blockType)}`,
        path,
      })
      break
    }
    const subData = features.getSubFieldsData?.get(type)?.({ node, req: ctx.req })
    if (Array.isArray(subFields) && isPlainObject(subData)) {
      const nested: DataContext = { ...ctx, problems: [], references: [] }
      validateFields(flattened(subFields as Field[]), subData, `${nodePath}.fields`, nested)
      // Named by the rich-text field, with the node's own field in the message.
      const inner = (nestedPath: string) => nestedPath.slice(`${nodePath}.fields.`.length)
      problems.push(
        ...nested.problems.map((nestedProblem) => ({
          message: `has a ${type} whose ${inner(nestedProblem.path)} ${nestedProblem.message}`,
          path,
        })),
      )
      ctx.references.push(
        ...nested.references.map((reference) => ({
          ...reference,
          path,
          what: `has a ${type} whose ${inner(reference.path)} points at`,
        })),
      )
    }
    if (Array.isArray(node.children)) {
      node.children.forEach((child, index) =>
        stack.push({ node: child, path: `${nodePath}.children.${index}` }),
      )
    }
  }
  return problems
}
