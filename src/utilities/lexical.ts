import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { relationId } from './ids'

type LexicalNode = { children?: LexicalNode[]; text?: string; type: string }

const textNode = (text: string) => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  version: 1,
})

/** A Lexical document of plain paragraphs, one per string, text kept exactly. */
export const paragraphsToLexical = (paragraphs: string[]): SerializedEditorState =>
  ({
    root: {
      type: 'root',
      children: paragraphs.map((paragraph) => ({
        type: 'paragraph',
        children: [textNode(paragraph)],
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        version: 1,
      })),
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  }) as unknown as SerializedEditorState

const nodeText = (node: LexicalNode): string =>
  node.type === 'text' ? (node.text ?? '') : (node.children ?? []).map(nodeText).join('')

/** The text of each top-level block (paragraph, heading, quote…), in order. */
export const lexicalBlocksText = (state: unknown): string[] => {
  const root = (state as { root?: LexicalNode } | null | undefined)?.root
  return (root?.children ?? []).map(nodeText)
}

type Id = number | string

type BlockNode = LexicalNode & { fields?: Record<string, unknown> }

/** Records the body points at: quotes in pull-quote blocks, cases in inline citations. */
export const bodyReferences = (state: unknown): { cases: Id[]; quotes: Id[] } => {
  const quotes: Id[] = []
  const cases: Id[] = []
  const visit = (node: BlockNode) => {
    const blockType = node.fields?.blockType
    if (node.type === 'block' && blockType === 'pullQuote') {
      const id = relationId(node.fields?.quote)
      if (id !== undefined) quotes.push(id)
    }
    if (node.type === 'inlineBlock' && blockType === 'caseCitation') {
      const id = relationId(node.fields?.case)
      if (id !== undefined) cases.push(id)
    }
    node.children?.forEach((child) => visit(child as BlockNode))
  }
  const root = (state as { root?: BlockNode } | null | undefined)?.root
  if (root) visit(root)
  return { cases, quotes }
}

/** Typographic quotes, dashes and spacing vary between drafts; the words must not. */
export const normalizeForQuoteCheck = (text: string): string =>
  text
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,.;:]+$/, '')
