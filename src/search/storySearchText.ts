import type { PayloadRequest } from 'payload'

import type { NewsroomDocuments } from '../documents'

import { collectionSlugs } from '../collectionSlugs'
import { findByIds } from '../utilities/findByIds'
import { relationIds } from '../utilities/ids'
import { bodyReferences, lexicalBlocksText } from '../utilities/lexical'

/** A search record holds the story's words, not a second copy of a book. */
export const MAX_SEARCH_TEXT = 50_000

type Story = Record<string, unknown>

const unique = (ids: (number | string)[]) => [
  ...new Map(ids.map((id) => [String(id), id])).values(),
]

const strings = (...values: unknown[]): string[] =>
  values.filter((value): value is string => typeof value === 'string' && value.trim() !== '')

/** Fields of the records a story names, read as the story's publish reads them. */
const readAll = async (
  req: PayloadRequest,
  collection: keyof NewsroomDocuments,
  ids: (number | string)[],
  select: Record<string, true>,
): Promise<Record<string, unknown>[]> =>
  (await findByIds({ collection, ids, req, select })) as unknown as Record<string, unknown>[]

/**
 * What a reader may search a live story by: its running text, the quotes it shows and who said
 * them, the cases it cites, its bylines, section and topics. Only what the story's page shows
 * readers (no staff notes, no verification), so the search index stays readable by anyone.
 */
export const storySearchText = async (story: Story, req: PayloadRequest): Promise<string> => {
  const referenced = bodyReferences(story.body)
  const bylines = Array.isArray(story.bylines) ? (story.bylines as Record<string, unknown>[]) : []
  const [quotes, cases, people, section, topics] = await Promise.all([
    readAll(
      req,
      collectionSlugs.quotes,
      unique([...relationIds(story.quotes), ...referenced.quotes]),
      {
        speaker: true,
        text: true,
      },
    ),
    readAll(
      req,
      collectionSlugs.cases,
      unique([...relationIds(story.cases), ...referenced.cases]),
      {
        caption: true,
        citation: true,
      },
    ),
    readAll(
      req,
      collectionSlugs.people,
      unique(relationIds(bylines.map((byline) => byline.person))),
      {
        name: true,
      },
    ),
    readAll(req, collectionSlugs.sections, relationIds([story.section]), { name: true }),
    readAll(req, collectionSlugs.topics, relationIds(story.topics), { name: true }),
  ])
  const parts = [
    ...strings(story.headline, story.dek),
    ...lexicalBlocksText(story.body),
    ...quotes.flatMap((quote) => {
      const speaker = (quote.speaker ?? {}) as Record<string, unknown>
      return strings(quote.text, speaker.name, speaker.title, speaker.organization)
    }),
    ...cases.flatMap((record) => strings(record.caption, record.citation)),
    ...people.flatMap((person) => strings(person.name)),
    ...bylines.flatMap((byline) => strings(byline.credit)),
    ...[...section, ...topics].flatMap((term) => strings(term.name)),
  ]
  return parts.join('\n').slice(0, MAX_SEARCH_TEXT)
}
