import type { FieldHook } from 'payload'

const MAX_CLAIM_CHARS = 80

/** How a claim reads in lists and pickers: its words, cut on a whole word. */
export const labelClaim: FieldHook = ({ siblingData }) => {
  const text = String(siblingData?.text ?? '').trim()
  if (text.length <= MAX_CLAIM_CHARS) {
    return text
  }
  const cut = text.slice(0, MAX_CLAIM_CHARS)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
}
