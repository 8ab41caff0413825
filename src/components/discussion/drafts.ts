/**
 * What someone has typed in a comment box and not yet posted, by box. Payload builds the story's
 * whole form anew when the document's lock changes (on every save, autosave included, and on a
 * take-over), and a box's own state went with it: a comment half-written while an autosave
 * landed was lost. Kept for the page's life, not across a reload.
 */
const drafts = new Map<string, string>()

export const draftOf = (key: string): string => drafts.get(key) ?? ''

export const hasDraft = (key: string): boolean => drafts.has(key)

/** Remembers the box's text; an empty box forgets it. */
export const keepDraft = (key: string, text: string): void => {
  if (text === '') {
    drafts.delete(key)
  } else {
    drafts.set(key, text)
  }
}
