import type { Payload } from 'payload'

import type { SyntheticArticle } from './corpus'

import { slugify } from 'payload-plugin-newsroom'

import {
  casePoolSize,
  QUOTES_PER_ARTICLE,
  RELATED_PER_ARTICLE,
  REPORTERS,
  SECTIONS,
  SPEAKERS,
  syntheticArticle,
  syntheticCase,
  syntheticHeadline,
  TOPICS,
} from './corpus'
import { bulkWriter, type Row, withIndexesBuiltAfter } from './bulkInsert'
import { lexicalBody } from './lexicalBody'

/** A section's or topic's id: its place in the corpus' list, from 1. */
const termId = (names: readonly string[], name: string): number => names.indexOf(name) + 1

/** The parts of Payload's drizzle adapters (SQLite and Postgres) the bulk insert uses. */
type DrizzleAdapter = {
  drizzle: { execute?: (query: unknown) => Promise<unknown> }
  name: string
  tables: Record<string, unknown>
}

export type SeedProgress = (done: number, total: number) => void

type SeedArgs = {
  articles: number
  /** Articles written per transaction. @default 1000 */
  chunkSize?: number
  onProgress?: SeedProgress
  payload: Payload
}

const sqlAdapter = (payload: Payload): DrizzleAdapter => {
  const db = payload.db as unknown as Partial<DrizzleAdapter>
  if (!db.drizzle || !db.tables) {
    throw new Error(
      'The bench seeds in bulk through SQL (SQLite or Postgres); this database adapter has no drizzle tables.',
    )
  }
  return db as DrizzleAdapter
}

const quoteLabel = (name: string, text: string) => {
  // As labelQuote writes it: the speaker and the quote's first 60 characters on a word.
  if (text.length <= 60) return `${name} — “${text}”`
  const cut = text.slice(0, 60)
  return `${name} — “${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:]+$/, '')}…”`
}

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString()

/** ObjectId-shaped, as Payload gives array rows in the live table. */
const rowUuid = (kind: number, article: number, order: number) =>
  `${kind.toString(16)}${article.toString(16).padStart(15, '0')}${order.toString(16).padStart(8, '0')}`

type Ids = { article: number; case: (poolIndex: number) => number; quote: number; related: number }

/** Every table row of one article: the live document and its one published version. */
const articleRows = (index: number, article: SyntheticArticle, ids: Ids) => {
  const quoteIds = article.quotes.map((_, slot) => ids.quote + slot)
  const caseIds = article.cases.map(ids.case)
  const relatedIds = article.related.map((_, slot) => ids.related + slot)
  const updatedAt = addMinutes(article.publishedAt, 30)
  const fields = {
    body: lexicalBody(article.body, { cases: caseIds, quotes: quoteIds, seed: ids.article }),
    dateline: article.dateline,
    dek: article.dek,
    editorialNotes: index % 7 === 0 ? 'Internal: legal read before publication.' : null,
    firstPublishedAt: article.publishedAt,
    headline: article.headline,
    publishedAt: article.publishedAt,
    // Sections and topics are records, written first with ids in the corpus' order.
    section: termId(SECTIONS, article.section),
    slug: article.slug,
    stage: 'ready',
  }
  const bylines = article.bylines.map((credit, slot) => ({
    _order: slot + 1,
    credit,
    id: rowUuid(1, ids.article, slot),
  }))
  const corrections = article.correction
    ? [
        {
          _order: 1,
          at: addMinutes(article.publishedAt, 25),
          id: rowUuid(2, ids.article, 0),
          text: article.correction,
          type: 'correction',
        },
      ]
    : []
  const relations = (prefix: string) => [
    ...quoteIds.map((id, slot) => ({ order: slot + 1, path: `${prefix}quotes`, quotesID: id })),
    ...caseIds.map((id, slot) => ({ casesID: id, order: slot + 1, path: `${prefix}cases` })),
    ...relatedIds.map((id, slot) => ({
      order: slot + 1,
      path: `${prefix}relatedCoverage`,
      'related-storiesID': id,
    })),
  ]
  const topics = (prefix: string) =>
    article.topics.map((name, slot) => ({
      order: slot + 1,
      path: `${prefix}topics`,
      topicsID: termId(TOPICS, name),
    }))

  return {
    /** The highest article id a related story of this one points at. */
    lastTarget: Math.max(
      0,
      ...article.related.map((item) => ('article' in item ? item.article + 1 : 0)),
    ),
    article: {
      ...fields,
      _status: 'published',
      createdAt: article.publishedAt,
      id: ids.article,
      updatedAt,
    },
    bylines: bylines.map((row) => ({ ...row, _parentID: ids.article })),
    corrections: corrections.map((row) => ({ ...row, _parentID: ids.article })),
    quotes: article.quotes.map((quote, slot) => ({
      createdAt: article.publishedAt,
      id: quoteIds[slot],
      // A published story shows it, as the articles' hooks would have marked it.
      inLiveStory: true,
      label: quoteLabel(quote.speaker.name, quote.text),
      medium: quote.medium,
      saidAt: quote.saidAt,
      speaker_name: quote.speaker.name,
      speaker_organization: quote.speaker.organization,
      speaker_title: quote.speaker.title,
      text: quote.text,
      updatedAt: article.publishedAt,
      verification_notes: slot === 0 ? 'Internal: confirmed by phone.' : null,
      verification_status: 'verified',
    })),
    related: article.related.map((item, slot) => {
      const base = { createdAt: updatedAt, id: relatedIds[slot], inLiveStory: true, updatedAt }
      if ('article' in item) {
        // As fillFromTargetArticle leaves one of ours: the target's headline and dek.
        const target = syntheticHeadline(item.article)
        return { ...base, article: item.article + 1, dek: target.dek, headline: target.headline }
      }
      return { ...base, ...item }
    }),
    rels: [...relations(''), ...topics('')].map((row) => ({ ...row, parent: ids.article })),
    version: {
      autosave: false,
      createdAt: updatedAt,
      id: ids.article,
      latest: true,
      parent: ids.article,
      updatedAt,
      version__status: 'published',
      version_createdAt: article.publishedAt,
      version_updatedAt: updatedAt,
      ...Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [`version_${key}`, value]),
      ),
    },
    versionBylines: bylines.map(({ id, ...row }) => ({
      ...row,
      _parentID: ids.article,
      _uuid: id,
    })),
    versionCorrections: corrections.map(({ id, ...row }) => ({
      ...row,
      _parentID: ids.article,
      _uuid: id,
    })),
    versionRels: [...relations('version.'), ...topics('version.')].map((row) => ({
      ...row,
      parent: ids.article,
    })),
  }
}

type ArticleRows = ReturnType<typeof articleRows>

/** One table's rows for a batch of articles. */
const rowsOf = (rows: ArticleRows[], key: Exclude<keyof ArticleRows, 'lastTarget'>): Row[] =>
  rows.flatMap<Row>((row) => row[key] as Row | Row[])

/** Postgres serials do not move for explicit ids: point them past what was written. */
const resetSequences = async (db: DrizzleAdapter, tables: string[]) => {
  if (db.name !== 'postgres' || !db.drizzle.execute) {
    return
  }
  const { sql } = await import('@payloadcms/db-postgres')
  for (const table of tables) {
    await db.drizzle.execute(
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX(id), 1) FROM "${table}"))`,
      ),
    )
  }
}

/**
 * Writes a synthetic newsroom of `articles` published stories straight into Payload's tables,
 * in the rows Payload itself writes (checked by verifySyntheticShape): far faster than
 * `payload.create`, which runs hooks, validation and a version per document. Expects an empty
 * database: ids start at 1. Hooks do not run, so nothing is appended to the change log; the
 * server starts after this with empty caches.
 */
export const seedSynthetic = async ({
  articles,
  chunkSize = 1000,
  onProgress,
  payload,
}: SeedArgs): Promise<void> => {
  const db = sqlAdapter(payload)
  const write = bulkWriter(payload)
  const { tables } = db
  const pool = casePoolSize(articles)

  {
    const cases = Array.from({ length: pool }, (_, index) => {
      const record = syntheticCase(index)
      return {
        ...record,
        createdAt: record.decidedAt,
        id: index + 1,
        // Every case in the pool is cited by some published story (two per article).
        inLiveStory: true,
        label: `${record.caption}, ${record.citation}`,
        status: 'good-law',
        statusSetByEditor: false,
        updatedAt: record.decidedAt,
      }
    })
    const terms = (names: readonly string[]) =>
      names.map((name, index) => ({ id: index + 1, name, slug: slugify(name) }))
    // The people the corpus names, as records: a database written since people became records
    // has them, so the server's start-up finds nothing to carry over (it would otherwise turn
    // every typed name in 100,000 stories into people through Payload before it answers).
    const people = [
      ...SPEAKERS.map(([name]) => ({ kind: 'source', name })),
      ...REPORTERS.map((name) => ({ kind: 'contributor', name })),
    ].map((person, index) => ({
      ...person,
      createdAt: new Date(0).toISOString(),
      id: index + 1,
      inLiveStory: false,
      slug: slugify(person.name),
      updatedAt: new Date(0).toISOString(),
    }))
    await write([
      { rows: people, table: tables.people },
      { rows: cases, table: tables.cases },
      { rows: terms(SECTIONS), table: tables.sections },
      { rows: terms(TOPICS), table: tables.topics },
    ])
  }

  // A related story may point at a story in the next chunk: its rows, and the relationship
  // rows that point at it, wait until that story is written.
  let waiting: ArticleRows[] = []
  const links = (ready: ArticleRows[]) => [
    { rows: rowsOf(ready, 'related'), table: tables.related_stories },
    { rows: rowsOf(ready, 'rels'), table: tables.articles_rels },
    { rows: rowsOf(ready, 'versionRels'), table: tables._articles_v_rels },
  ]

  // The tables that take a row or more per story.
  const bulk = [
    tables.quotes,
    tables.articles,
    tables.articles_bylines,
    tables.articles_corrections,
    tables._articles_v,
    tables._articles_v_version_bylines,
    tables._articles_v_version_corrections,
    tables.related_stories,
    tables.articles_rels,
    tables._articles_v_rels,
  ]
  await withIndexesBuiltAfter(payload, bulk, async () => {
    for (let start = 0; start < articles; start += chunkSize) {
      const end = Math.min(articles, start + chunkSize)
      const rows: ArticleRows[] = []
      for (let index = start; index < end; index += 1) {
        rows.push(
          articleRows(index, syntheticArticle(index, articles), {
            article: index + 1,
            case: (poolIndex) => poolIndex + 1,
            quote: index * QUOTES_PER_ARTICLE + 1,
            related: index * RELATED_PER_ARTICLE + 1,
          }),
        )
      }
      const column = (key: Exclude<keyof ArticleRows, 'lastTarget'>) => rowsOf(rows, key)
      const candidates = [...waiting, ...rows]
      const ready = candidates.filter((row) => row.lastTarget <= end)
      waiting = candidates.filter((row) => row.lastTarget > end)
      await write([
        { rows: column('quotes'), table: tables.quotes },
        { rows: column('article'), table: tables.articles },
        { rows: column('bylines'), table: tables.articles_bylines },
        { rows: column('corrections'), table: tables.articles_corrections },
        { rows: column('version'), table: tables._articles_v },
        { rows: column('versionBylines'), table: tables._articles_v_version_bylines },
        { rows: column('versionCorrections'), table: tables._articles_v_version_corrections },
        ...links(ready),
      ])
      onProgress?.(end, articles)
    }
  })
  await resetSequences(db, [
    'cases',
    'people',
    'quotes',
    'articles',
    'sections',
    'topics',
    'articles_rels',
    'related_stories',
    '_articles_v',
    '_articles_v_rels',
    '_articles_v_version_bylines',
    '_articles_v_version_corrections',
  ])
}
