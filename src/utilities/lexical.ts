import type {
  SerializedEditorState,
  SerializedLexicalNode,
} from '@payloadcms/richtext-lexical/lexical'

import type { Id } from '../documents'

import { relationId } from './ids'
import {
  caseCitationNode,
  lexicalDocument,
  paragraphNode,
  pullQuoteNode,
  textNode,
} from './lexicalNodes'

type LexicalNode = {
  children?: LexicalNode[]
  fields?: Record<string, unknown>
  text?: string
  type: string
}

/** A paragraph's text, with the words that name a case turned into a citation of it. */
type ParagraphSpec = string | { citations: { case: Id; mention: string }[]; text: string }

/** The spans of a paragraph: plain text, and each first mention of a cited case in place. */
const paragraphChildren = (spec: ParagraphSpec) => {
  if (typeof spec === 'string') {
    return [textNode(spec)]
  }
  const children: SerializedLexicalNode[] = []
  let rest = spec.text
  for (const citation of spec.citations) {
    const at = rest.indexOf(citation.mention)
    if (at < 0) {
      throw new Error(`"${citation.mention}" does not appear in the paragraph`)
    }
    if (at > 0) children.push(textNode(rest.slice(0, at)))
    children.push(
      caseCitationNode({
        id: `case-${String(citation.case)}`,
        mention: citation.mention,
        record: citation.case,
      }),
    )
    rest = rest.slice(at + citation.mention.length)
  }
  if (rest) children.push(textNode(rest))
  return children
}

/** A Lexical document of paragraphs, their text kept exactly, with citations and pull quotes. */
export const storyToLexical = (
  blocks: ({ pullQuote: Id } | ParagraphSpec)[],
): SerializedEditorState =>
  lexicalDocument(
    blocks.map((block) =>
      typeof block === 'object' && 'pullQuote' in block
        ? pullQuoteNode({ id: `pull-quote-${String(block.pullQuote)}`, quote: block.pullQuote })
        : paragraphNode(paragraphChildren(block)),
    ),
  )

/** A Lexical document of plain paragraphs, one per string, text kept exactly. */
export const paragraphsToLexical = (paragraphs: string[]): SerializedEditorState =>
  storyToLexical(paragraphs)

/** The words a case citation leaves in the running text, when the story names the case itself. */
export const citationMention = (fields: Record<string, unknown> | undefined): string =>
  typeof fields?.mention === 'string' ? fields.mention.trim() : ''

const nodeText = (node: LexicalNode): string => {
  if (node.type === 'text') {
    return node.text ?? ''
  }
  if (node.type === 'inlineBlock' && node.fields?.blockType === 'caseCitation') {
    return citationMention(node.fields)
  }
  return (node.children ?? []).map(nodeText).join('')
}

/**
 * The text of each top-level block (paragraph, heading, quote…), in order. Block nodes such as
 * pull quotes are left out: they repeat words from a record, not the story's running text.
 */
export const lexicalBlocksText = (state: unknown): string[] => {
  const root = (state as { root?: LexicalNode } | null | undefined)?.root
  return (root?.children ?? []).filter((node) => node.type !== 'block').map(nodeText)
}

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

/** The media a story's body shows: its upload nodes' images, in order, each once. */
export const bodyImageIds = (state: unknown, mediaSlug: string): Id[] => {
  const ids = new Map<string, Id>()
  const visit = (node: BlockNode & { relationTo?: string; value?: unknown }) => {
    if (node.type === 'upload' && node.relationTo === mediaSlug) {
      const id = relationId(node.value)
      if (id !== undefined) ids.set(String(id), id)
    }
    node.children?.forEach((child) => visit(child as BlockNode))
  }
  const root = (state as { root?: BlockNode } | null | undefined)?.root
  if (root) visit(root)
  return [...ids.values()]
}

/** Typographic quotes, dashes and spacing vary between drafts; the words must not. */
export const normalizeForQuoteCheck = (text: string): string =>
  text
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,.;:]+$/, '')
