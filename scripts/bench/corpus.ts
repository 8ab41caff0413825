/**
 * The synthetic newsroom, as plain data: what each article, quote, case and related story
 * says, and which records it points at (by index, not id). Deterministic, so two runs of the
 * same size seed the same corpus and their numbers compare.
 */

export const QUOTES_PER_ARTICLE = 3
export const RELATED_PER_ARTICLE = 3
/** Target length of a body, in words (the issue's "~800-word article"). */
export const BODY_WORDS = 800

/** mulberry32: small, fast and good enough to vary text; not for anything secret. */
export const randomSource = (seed: number) => {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  return { int, next, pick }
}

type Random = ReturnType<typeof randomSource>

const WORDS = (
  'the council said on court ruling judge federal state officials week city residents plan ' +
  'budget vote lawmakers agency report records show year since policy changes would could ' +
  'after before under while during among between public school police hospital workers ' +
  'families housing rent water power transit election campaign governor mayor senator ' +
  'immigration asylum border appeal decision hearing lawyers attorneys statement interview ' +
  'according documents reviewed data analysis percent million dollars contract company ' +
  'investigation inquiry witnesses testimony evidence members board commission department ' +
  'health climate storm flood fire emergency response funding program services community ' +
  'leaders critics supporters advocates opposition proposal measure bill law rule order ' +
  'filed lawsuit claims alleged denied confirmed announced approved rejected delayed ' +
  'expected warned argued noted added told reporters earlier later months years decades ' +
  'first last new former current local national international regional county district ' +
  'and of to in for with by from as at that this it its their they were was has have had ' +
  'not but also more than most many some other about over into against through without'
).split(' ')

export const SPEAKERS = [
  ['Maria Alvarez', 'Director', 'Center for Civic Research'],
  ['James Okafor', 'Senior Counsel', 'Legal Aid Society'],
  ['Priya Raman', 'Professor of Law', 'State University'],
  ['Daniel Brooks', 'Spokesman', 'Department of Housing'],
  ['Helen Kowalski', 'Mayor', 'City of Riverton'],
  ['Samuel Ortiz', 'Chairman', 'County Board of Supervisors'],
  ['Grace Liu', 'Economist', 'Regional Policy Institute'],
  ['Thomas Reed', 'Attorney', 'Reed & Partners'],
  ['Aisha Mensah', 'Organizer', 'Tenants United'],
  ['Robert Hale', 'State Senator', 'State Senate'],
] as const

const MEDIUMS = ['interview', 'statement', 'letter', 'speech', 'told-another-outlet'] as const
export const SECTIONS = ['National', 'World', 'Politics', 'Business', 'Local', 'Science'] as const
export const TOPICS = [
  'Immigration',
  'Courts',
  'Housing',
  'Elections',
  'Climate',
  'Health',
  'Transit',
  'Education',
  'Labor',
  'Budget',
] as const
const DATELINES = ['WASHINGTON', 'NEW YORK', 'CHICAGO', 'HOUSTON', 'PHOENIX', 'MIAMI'] as const
export const REPORTERS = [
  'Ana Reyes',
  'Ben Carter',
  'Chloe Park',
  'David Stein',
  'Emma Walsh',
] as const
const OUTLETS = ['The Daily Ledger', 'Metro Herald', 'The Tribune', 'Coastal Post'] as const
const DECIDERS = ['Board of Immigration Appeals', 'Attorney General', 'Court of Appeals'] as const

/** Newest first: article 0 is the most recent, one story every two hours before it. */
const NEWEST = Date.UTC(2026, 0, 1, 12)
const STORY_INTERVAL_MS = 2 * 60 * 60 * 1000

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const sentence = (random: Random, words = random.int(12, 24)) =>
  `${capitalize(Array.from({ length: words }, () => random.pick(WORDS)).join(' '))}.`

/** Sentences of at least `wordTarget` words in all, and how many words they hold. */
const countedSentences = (random: Random, wordTarget: number) => {
  const parts: string[] = []
  let words = 0
  while (words < wordTarget) {
    // Drawn before the sentence's words, as `sentence`'s default would: the same corpus.
    const length = random.int(12, 24)
    parts.push(sentence(random, length))
    words += length
  }
  return { text: parts.join(' '), words }
}

const sentences = (random: Random, wordTarget: number) => countedSentences(random, wordTarget).text

export type SyntheticQuote = {
  medium: (typeof MEDIUMS)[number]
  saidAt: string
  speaker: { name: string; organization: string; title: string }
  text: string
}

export type SyntheticCase = {
  caption: string
  citation: string
  decidedAt: string
  decidedBy: string
  holding: string
  issue: string
  slug: string
}

export type SyntheticRelated =
  | { dek: null; headline: string; outlet: string; publishedAt: string; url: string }
  | { article: number }

/** Lexical nodes as the admin's editor saves them; ids of referenced records filled in later. */
export type BodyPart =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { case: number; kind: 'citation'; textAfter: string; textBefore: string }
  | { kind: 'pullQuote'; quote: number }

export type SyntheticArticle = {
  body: BodyPart[]
  bylines: string[]
  /** Indexes into the case pool. */
  cases: number[]
  correction: null | string
  dateline: string
  dek: string
  headline: string
  publishedAt: string
  quotes: SyntheticQuote[]
  related: SyntheticRelated[]
  section: string
  slug: string
  topics: string[]
}

/** Cases are shared between stories, as real ones are: about one per ten articles. */
export const casePoolSize = (articles: number): number => Math.max(20, Math.ceil(articles / 10))

export const syntheticCase = (index: number): SyntheticCase => {
  const random = randomSource(0x5eed_ca5e + index)
  const letters = Array.from({ length: 3 }, () => String.fromCharCode(random.int(65, 90)))
  const year = 1990 + (index % 35)
  return {
    caption: `Matter of ${letters.join('-')}- ${index + 1}`,
    citation: `${random.int(20, 29)} I&N Dec. ${random.int(100, 999)} (BIA ${year})`,
    decidedAt: new Date(Date.UTC(year, random.int(0, 11), random.int(1, 28), 12)).toISOString(),
    decidedBy: random.pick(DECIDERS),
    holding: sentences(random, 40),
    issue: random.pick(TOPICS),
    slug: `matter-of-${letters.join('-').toLowerCase()}-${index + 1}`,
  }
}

export const articleSlug = (index: number, headline: string): string =>
  `${headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}-${index + 1}`

const headlineOf = (random: Random) =>
  capitalize(Array.from({ length: random.int(7, 11) }, () => random.pick(WORDS)).join(' '))

/** Drawn on their own, so a related story can copy its target's without building the target. */
export const syntheticHeadline = (index: number): { dek: string; headline: string } => {
  const random = randomSource(0xdec0de + index)
  return { headline: headlineOf(random), dek: sentences(random, 30) }
}

/**
 * Article `index` of a corpus of `total`: ~800 words in a dozen paragraphs and a subheading,
 * a pull quote of its first quote, an inline citation of its first case, the other quotes
 * quoted in the text, two related stories of ours and one from another outlet.
 */
export const syntheticArticle = (index: number, total: number): SyntheticArticle => {
  const random = randomSource(0xa271c1e + index)
  const { dek, headline } = syntheticHeadline(index)
  const publishedAt = new Date(NEWEST - index * STORY_INTERVAL_MS).toISOString()
  const quotes = Array.from({ length: QUOTES_PER_ARTICLE }, (): SyntheticQuote => {
    const [name, title, organization] = random.pick(SPEAKERS)
    return {
      medium: random.pick(MEDIUMS),
      saidAt: publishedAt,
      speaker: { name, organization, title },
      text: sentence(random, random.int(14, 26)).slice(0, -1),
    }
  })
  const pool = casePoolSize(total)
  const firstCase = random.int(0, pool - 1)
  const cases = [firstCase, (firstCase + 1 + random.int(0, pool - 2)) % pool]

  const body: BodyPart[] = []
  let words = 0
  const paragraph = (target: number) => {
    const { text, words: added } = countedSentences(random, target)
    words += added
    body.push({ kind: 'paragraph', text })
  }
  paragraph(70)
  body.push({
    case: 0,
    kind: 'citation',
    textAfter: ` ${sentences(random, 40)}`,
    textBefore: `${sentences(random, 20)} The ruling in `,
  })
  words += 65
  paragraph(60)
  body.push({ kind: 'pullQuote', quote: 0 })
  words += quotes[0].text.split(' ').length
  for (const quote of quotes.slice(1)) {
    const text = `“${quote.text},” said ${quote.speaker.name}, ${quote.speaker.title.toLowerCase()} at the ${quote.speaker.organization}. ${sentences(random, 45)}`
    words += text.split(' ').length
    body.push({ kind: 'paragraph', text })
  }
  body.push({ kind: 'heading', text: headlineOf(random) })
  while (words < BODY_WORDS) {
    paragraph(Math.min(80, BODY_WORDS - words + 5))
  }

  // Two earlier stories of ours (later ones for the very first), one from elsewhere.
  const ours = (offset: number) => (index + offset < total ? index + offset : index - offset)
  const related: SyntheticRelated[] = [
    { article: ours(1) },
    { article: ours(2) },
    {
      dek: null,
      headline: headlineOf(random),
      outlet: random.pick(OUTLETS),
      publishedAt,
      url: `https://example.com/news/${index + 1}`,
    },
  ]

  return {
    body,
    bylines: random.next() < 0.3 ? [random.pick(REPORTERS), 'Staff'] : [random.pick(REPORTERS)],
    cases,
    // Every tenth story carries a correction, as a working newsroom's do.
    correction: index % 10 === 3 ? sentence(random) : null,
    dateline: random.pick(DATELINES),
    dek,
    headline,
    publishedAt,
    quotes,
    related,
    section: random.pick(SECTIONS),
    slug: articleSlug(index, headline),
    topics: [...new Set([random.pick(TOPICS), random.pick(TOPICS), random.pick(TOPICS)])],
  }
}
