import type { BodyRenderOptions } from '../types'

import { isPopulated, recordOf, textOrNull } from '../../delivery/readers'
import { citationMention } from '../../utilities/lexical'

/** A pull quote: the quote record's words and speaker, never retyped. Null until populated. */
export type PullQuoteParts = {
  /** "Karen Musalo, director, Center for Gender & Refugee Studies". */
  credit: string
  /**
   * The speaker's page and name, when the quote names a person record: the name links there and
   * `credit` goes on after it; null when the credit is plain text.
   */
  speaker: null | { href: string; name: string }
  text: string
}

/** A pull quote: its words, and who said them, linked to their page when they have one. */
export const pullQuoteParts = (
  fields: unknown,
  { baseUrl, paths }: BodyRenderOptions,
): null | PullQuoteParts => {
  const { quote } = recordOf(fields)
  if (!isPopulated(quote) || typeof quote.text !== 'string') {
    return null
  }
  const speaker = recordOf(quote.speaker)
  const name = textOrNull(speaker.name)
  const credit = [name, speaker.title, speaker.organization].map(textOrNull).filter(Boolean)
  const person = speaker.person
  const slug = isPopulated(person) ? textOrNull(person.slug) : null
  const text = `“${quote.text}”`
  if (name && slug) {
    return {
      credit: credit
        .slice(1)
        .map((part) => `, ${part}`)
        .join(''),
      speaker: { href: `${baseUrl}${paths.personPath(slug)}`, name },
      text,
    }
  }
  return { credit: credit.join(', '), speaker: null, text }
}

export type CaseCitationParts = {
  /** The case's caption and citation, e.g. "Matter of A-R-C-G-, 26 I&N Dec. 388 (BIA 2014)". */
  full: string
  /** Where the case's page is; null when the case is not populated (readers see the words). */
  href: null | string
  /** The story's own words for the case, if it names it in the sentence. */
  mention: string
  caption: string
}

/** A cited case: the story's own words if it names the case, else caption and citation. */
export const caseCitationParts = (
  fields: unknown,
  { baseUrl, paths }: BodyRenderOptions,
): CaseCitationParts => {
  const record = recordOf(fields).case
  const mention = citationMention(recordOf(fields))
  if (!isPopulated(record) || typeof record.slug !== 'string') {
    return { caption: '', full: '', href: null, mention }
  }
  const caption = textOrNull(record.caption) ?? ''
  const full = [caption, textOrNull(record.citation)].filter(Boolean).join(', ')
  return { caption, full, href: `${baseUrl}${paths.casePath(record.slug)}`, mention }
}

/** What a relationship node shows: a link to a published story or case of ours. */
export const relationshipLabel = (value: unknown): null | string => {
  if (!isPopulated(value)) {
    return null
  }
  return textOrNull(value.headline) ?? textOrNull(value.caption)
}
