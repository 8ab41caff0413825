/**
 * Lexical nodes as the admin's editor saves them, for everything that writes a body without the
 * editor: the seed, the benchmark's synthetic newsroom and the tests.
 */

import type {
  SerializedEditorState,
  SerializedElementNode,
  SerializedLexicalNode,
} from '@payloadcms/richtext-lexical/lexical'

import type { Id } from '../documents'

export const textNode = (text: string, format = 0) => ({
  type: 'text',
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text,
  version: 1,
})

export const elementNode = (
  type: string,
  children: SerializedLexicalNode[],
  extra: Record<string, unknown> = {},
): SerializedElementNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const paragraphNode = (children: SerializedLexicalNode[]) =>
  elementNode('paragraph', children, { textFormat: 0, textStyle: '' })

export const caseCitationNode = ({
  id,
  mention,
  record,
}: {
  id: string
  mention?: string
  record: Id
}) => ({
  type: 'inlineBlock',
  fields: { id, blockType: 'caseCitation', case: record, ...(mention ? { mention } : {}) },
  version: 1,
})

export const pullQuoteNode = ({ id, quote }: { id: string; quote: Id }) => ({
  type: 'block',
  fields: { id, blockName: '', blockType: 'pullQuote', quote },
  format: '',
  version: 2,
})

export const lexicalDocument = (children: SerializedLexicalNode[]): SerializedEditorState => ({
  root: elementNode('root', children),
})
