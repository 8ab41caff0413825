import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

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
