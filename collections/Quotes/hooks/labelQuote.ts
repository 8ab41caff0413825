import type { FieldHook } from 'payload'

import type { NewsroomQuote } from '../../../src/documents'

const MAX_QUOTE_CHARS = 60

/** "Karen Musalo — “basically throws us back…”": how a quote reads in lists and pickers. */
export const labelQuote: FieldHook<NewsroomQuote> = ({ siblingData }) => {
  const name = (siblingData?.speaker as { name?: string } | undefined)?.name?.trim() || 'Unknown'
  const text = String(siblingData?.text ?? '').trim()
  if (text.length <= MAX_QUOTE_CHARS) {
    return `${name} — “${text}”`
  }
  const cut = text.slice(0, MAX_QUOTE_CHARS)
  // End on a whole word, so a label never shows half of one.
  const words = cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut
  return `${name} — “${words.replace(/[\s,;:]+$/, '')}…”`
}
