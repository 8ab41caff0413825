import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Id } from 'payload-plugin-newsroom/types'

import { storyToLexical } from 'payload-plugin-newsroom/lexical'
import { pieceCases, piecePullQuote, pieceQuotes } from './pieceRecords'

type PieceBodyArgs = {
  /** Seeded case ids by caption. */
  caseIds: Map<string, Id>
  paragraphs: string[]
  /** Seeded quote ids, in the order of `pieceQuotes`. */
  quoteIds: Id[]
}

/**
 * The body as an editor would have built it: every paragraph verbatim, the cases the story names
 * cited where it first names them, and one pull quote drawn from a quote record.
 */
export const pieceBody = ({
  caseIds,
  paragraphs,
  quoteIds,
}: PieceBodyArgs): SerializedEditorState => {
  const pending = pieceCases.filter((record) => record.mentionedAs)
  const quoteIndex = pieceQuotes.findIndex((quote) =>
    quote.text.startsWith(piecePullQuote.quoteStartsWith),
  )
  const blocks: Parameters<typeof storyToLexical>[0] = []
  for (const text of paragraphs) {
    const named = pending.filter((record) => text.includes(record.mentionedAs!))
    named.sort((a, b) => text.indexOf(a.mentionedAs!) - text.indexOf(b.mentionedAs!))
    for (const record of named) pending.splice(pending.indexOf(record), 1)
    blocks.push(
      named.length === 0
        ? text
        : {
            citations: named.map((record) => ({
              case: caseIds.get(record.caption)!,
              mention: record.mentionedAs!,
            })),
            text,
          },
    )
    if (text.includes(piecePullQuote.afterParagraphContaining)) {
      blocks.push({ pullQuote: quoteIds[quoteIndex] })
    }
  }
  if (pending.length > 0 || quoteIndex < 0) {
    throw new Error('the piece no longer names every case or quote its records expect')
  }
  return storyToLexical(blocks)
}
