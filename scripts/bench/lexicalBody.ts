import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Id } from 'payload-plugin-newsroom/types'

import type { BodyPart } from './corpus'

import {
  caseCitationNode,
  elementNode,
  lexicalDocument,
  paragraphNode,
  pullQuoteNode,
  textNode,
} from 'payload-plugin-newsroom/lexical'

/** Block ids are ObjectId-shaped hex strings, as the admin's editor writes them. */
const blockId = (seed: number, slot: number) =>
  `${seed.toString(16).padStart(20, '0')}${slot.toString(16).padStart(4, '0')}`

/**
 * A body as the admin's editor saves it: paragraphs, an h2, a pull quote block holding a
 * quote's id and an inline case citation holding a case's id.
 */
export const lexicalBody = (
  parts: BodyPart[],
  refs: { cases: Id[]; quotes: Id[]; seed: number },
): SerializedEditorState =>
  lexicalDocument(
    parts.map((part, slot) => {
      switch (part.kind) {
        case 'paragraph':
          return paragraphNode([textNode(part.text)])
        case 'heading':
          return elementNode('heading', [textNode(part.text)], { tag: 'h2' })
        case 'citation':
          return paragraphNode([
            textNode(part.textBefore),
            caseCitationNode({ id: blockId(refs.seed, slot), record: refs.cases[part.case] }),
            textNode(part.textAfter),
          ])
        case 'pullQuote':
          return pullQuoteNode({ id: blockId(refs.seed, slot), quote: refs.quotes[part.quote] })
      }
    }),
  )
