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

/** An in-body image, as the editor's Upload feature saves it (its own caption and credit). */
export const upload = (
  media: number | string,
  fields: { caption?: string; credit?: string } = {},
) =>
  ({
    type: 'upload',
    fields,
    format: '',
    id: `up${String(media)}`,
    relationTo: 'media',
    value: media,
    version: 3,
  }) as unknown as SerializedLexicalNode

/** A relationship node: a story or case of ours, shown as a link. */
export const relationship = (relationTo: 'articles' | 'cases', value: number | string) =>
  ({ type: 'relationship', format: '', relationTo, value, version: 2 }) as SerializedLexicalNode

export const horizontalRule = () =>
  ({ type: 'horizontalrule', version: 1 }) as SerializedLexicalNode
