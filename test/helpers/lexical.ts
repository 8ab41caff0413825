/** Small builders for Lexical documents, as the admin's editor would save them. */

import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

import {
  caseCitationNode,
  elementNode,
  lexicalDocument,
  paragraphNode,
  pullQuoteNode,
  textNode,
} from '../../src/utilities/lexicalNodes'

export const paragraph = (...children: (SerializedLexicalNode | string)[]) =>
  paragraphNode(children.map((child) => (typeof child === 'string' ? textNode(child) : child)))

export const pullQuote = (quote: number | string) =>
  pullQuoteNode({ id: `pq${String(quote)}`, quote })

export const caseCitation = (record: number | string) =>
  caseCitationNode({ id: `cc${String(record)}`, record })

export const link = (url: string, label: string) =>
  elementNode('link', [textNode(label)], {
    fields: { linkType: 'custom', newTab: false, url },
    version: 3,
  })

export const doc = (...children: SerializedLexicalNode[]) => lexicalDocument(children)
