/** More handles than this in one comment is not a conversation: the rest are not looked up. */
export const MAX_MENTIONS = 20

/**
 * An @handle in a comment's body: `@` at the start or after a space or punctuation (so an email
 * address in the text is no mention), then the handle. Shared by the server, which notifies the
 * people named, and the admin, which shows the same words as mentions.
 */
const MENTION = /(?<![\w.@])@([\w][\w.+-]*)/g

// A sentence's last full stop is not part of the handle ("ask @writer.").
const withoutFullStop = (handle: string) => handle.replace(/[.]+$/, '')

/** The @handles in a comment's body, lower-cased, each once, at most MAX_MENTIONS. */
export const mentionHandles = (body: unknown): string[] => {
  if (typeof body !== 'string') {
    return []
  }
  const handles = new Set<string>()
  for (const match of body.matchAll(MENTION)) {
    handles.add(withoutFullStop(match[1]).toLowerCase())
    if (handles.size >= MAX_MENTIONS) {
      break
    }
  }
  return [...handles]
}

export type BodyPart = { mention: boolean; text: string }

/** A comment's body cut into plain text and @handles, in order, for showing the mentions. */
export const mentionParts = (body: string): BodyPart[] => {
  const parts: BodyPart[] = []
  let done = 0
  for (const match of body.matchAll(MENTION)) {
    const start = match.index
    const end = start + 1 + withoutFullStop(match[1]).length
    if (start > done) {
      parts.push({ mention: false, text: body.slice(done, start) })
    }
    parts.push({ mention: true, text: body.slice(start, end) })
    done = end
  }
  if (done < body.length) {
    parts.push({ mention: false, text: body.slice(done) })
  }
  return parts
}
