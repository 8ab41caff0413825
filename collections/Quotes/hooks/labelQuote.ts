import type { FieldHook } from 'payload'

const MAX_QUOTE_CHARS = 60

/** "Karen Musalo — “basically throws us back…”": how a quote reads in lists and pickers. */
export const labelQuote: FieldHook = ({ siblingData }) => {
  const name = (siblingData?.speaker as { name?: string } | undefined)?.name?.trim() || 'Unknown'
  const text = String(siblingData?.text ?? '').trim()
  const words =
    text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS).trimEnd()}…` : text
  return `${name} — “${words}”`
}
