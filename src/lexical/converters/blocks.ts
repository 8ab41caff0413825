import type { BodyRenderOptions } from '../types'

import { isPopulated, recordOf, textOrNull } from '../../delivery/readers'
import { citationMention } from '../../utilities/lexical'

/** A pull quote: the quote record's words and speaker, never retyped. Null until populated. */
export const pullQuoteParts = (fields: unknown): { credit: string; text: string } | null => {
  const { quote } = recordOf(fields)
  if (!isPopulated(quote) || typeof quote.text !== 'string') {
    return null
  }
  const speaker = recordOf(quote.speaker)
  const credit = [speaker.name, speaker.title, speaker.organization]
    .map(textOrNull)
    .filter(Boolean)
    .join(', ')
  return { credit, text: `“${quote.text}”` }
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
