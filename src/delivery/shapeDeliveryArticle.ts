import type { PopulatedDoc } from './readers'
import type { FactCheckSettings } from '../factChecks'
import type {
  DeliveryArticle,
  DeliveryBody,
  DeliveryByline,
  DeliveryCase,
  DeliveryCorrection,
  DeliveryFactCheck,
  DeliveryPerson,
  DeliveryPersonRef,
  DeliveryQuote,
  DeliveryRelatedItem,
} from './types'

import { embargoEnd, isEmbargoed } from '../embargo/embargo'
import { shapeImage } from '../lexical/converters/images'
import { isPopulated, populatedList, recordOf, textOrNull } from './readers'
import { withoutInternalFields } from './withoutInternalFields'
import type { SitePaths } from '../siteSettings'

/** Readers only ever get published stories; access rules already filter, this double-checks. */
const publishedTarget = (value: unknown): null | PopulatedDoc =>
  isPopulated(value) &&
  typeof value.slug === 'string' &&
  (value._status === undefined || value._status === 'published')
    ? value
    : null

/** A person as populated for a reader (a draft's unreadable person stays an id: null here). */
const shapePersonRef = (value: unknown): DeliveryPersonRef | null =>
  isPopulated(value) && typeof value.name === 'string' && typeof value.slug === 'string'
    ? {
        id: value.id,
        isOrganization: value.isOrganization === true,
        kind: textOrNull(value.kind),
        name: value.name,
        slug: value.slug,
      }
    : null

/** The names readers may see, in the editor's order; also used by the RSS feed. */
export const shapeBylines = (value: unknown): DeliveryByline[] =>
  (Array.isArray(value) ? value : []).flatMap((entry) => {
    const { author, credit, name: printed } = recordOf(entry)
    const person = shapePersonRef(recordOf(entry).person)
    const name =
      person?.name ??
      textOrNull(credit) ??
      textOrNull(printed) ??
      (isPopulated(author) ? textOrNull(author.name) : null)
    return name ? [{ name, person }] : []
  })

const shapeCorrections = (value: unknown): DeliveryCorrection[] =>
  (Array.isArray(value) ? value : []).flatMap((entry) => {
    const { at, text, type } = recordOf(entry)
    return typeof text === 'string'
      ? [{ type: textOrNull(type) ?? 'correction', at: textOrNull(at), text }]
      : []
  })

const shapeRelated = (story: PopulatedDoc, paths: SitePaths): DeliveryRelatedItem => {
  const target = publishedTarget(story.article)
  const external = textOrNull(story.url)
  return {
    id: story.id,
    article: target ? { headline: String(target.headline ?? ''), slug: String(target.slug) } : null,
    dek: textOrNull(story.dek),
    headline: String(story.headline ?? ''),
    outlet: textOrNull(story.outlet),
    publishedAt: textOrNull(story.publishedAt),
    url: external ?? (target ? paths.articlePath(String(target.slug)) : null),
  }
}

const shapeQuote = (quote: PopulatedDoc): DeliveryQuote => {
  const speaker = recordOf(quote.speaker)
  return {
    id: quote.id,
    medium: textOrNull(quote.medium),
    sourceOutlet: textOrNull(quote.sourceOutlet),
    speaker: {
      name: textOrNull(speaker.name),
      organization: textOrNull(speaker.organization),
      person: shapePersonRef(speaker.person),
      title: textOrNull(speaker.title),
    },
    text: String(quote.text ?? ''),
    verification: { status: textOrNull(recordOf(quote.verification).status) },
  }
}

const shapeCase = (record: PopulatedDoc): DeliveryCase => ({
  id: record.id,
  slug: textOrNull(record.slug),
  caption: String(record.caption ?? ''),
  citation: textOrNull(record.citation),
  decidedAt: textOrNull(record.decidedAt),
  decidedBy: textOrNull(record.decidedBy),
  holding: textOrNull(record.holding),
  parties: (Array.isArray(record.parties) ? record.parties : []).flatMap((entry) => {
    const person = shapePersonRef(recordOf(entry).person)
    return person ? [{ person, role: textOrNull(recordOf(entry).role) ?? 'other' }] : []
  }),
  status: textOrNull(record.status),
})

const shapeFactCheck = (
  value: unknown,
  factChecks: FactCheckSettings | undefined,
): DeliveryFactCheck | null => {
  const { claim, rating } = recordOf(value)
  if (!isPopulated(claim) || typeof claim.text !== 'string') {
    return null
  }
  const step = factChecks?.ratings.find((entry) => entry.value === rating)
  return {
    claim: {
      id: claim.id,
      appearance: textOrNull(claim.appearance),
      claimant: shapePersonRef(claim.claimant),
      claimedAt: textOrNull(claim.claimedAt),
      sourceUrl: textOrNull(claim.sourceUrl),
      text: claim.text,
    },
    rating:
      step && factChecks
        ? {
            bestRating: factChecks.bestRating,
            label: step.label,
            ratingValue: step.ratingValue,
            value: step.value,
            worstRating: factChecks.worstRating,
          }
        : null,
  }
}

/** Everyone the story names, in the order they first appear: bylines, quotes, cases, claim. */
const shapePeople = (
  bylines: DeliveryByline[],
  quotes: DeliveryQuote[],
  cases: DeliveryCase[],
  factCheck: DeliveryFactCheck | null,
): DeliveryPerson[] => {
  const people = new Map<string, DeliveryPerson>()
  const add = (person: DeliveryPersonRef | null, role: string) => {
    if (!person) return
    const known = people.get(String(person.id)) ?? { ...person, roles: [] }
    if (!known.roles.includes(role)) known.roles.push(role)
    people.set(String(person.id), known)
  }
  bylines.forEach((byline) => add(byline.person ?? null, 'author'))
  quotes.forEach((quote) => add(quote.speaker.person, 'quoted'))
  cases.forEach((record) => record.parties.forEach((party) => add(party.person, party.role)))
  add(factCheck?.claim.claimant ?? null, 'claimed')
  return [...people.values()]
}

/**
 * The public shape of a published article read at depth 2. Every field is picked by name, so
 * what Payload adds (joins, internal fields a reader's access happened to allow) stays out.
 */
export const shapeDeliveryArticle = (
  doc: PopulatedDoc,
  paths: SitePaths,
  factChecks?: FactCheckSettings,
): DeliveryArticle => {
  const hero = recordOf(doc.hero)
  const bylines = shapeBylines(doc.bylines)
  const quotes = populatedList(doc.quotes).map(shapeQuote)
  const cases = populatedList(doc.cases).map(shapeCase)
  const factCheck = shapeFactCheck(doc.factCheck, factChecks)
  const image = shapeImage(hero.image)
  const caption = textOrNull(hero.caption)
  const credit = textOrNull(hero.credit)
  return {
    article: {
      id: doc.id,
      slug: String(doc.slug),
      headline: String(doc.headline ?? ''),
      dek: textOrNull(doc.dek),
      bylines,
      dateline: textOrNull(doc.dateline),
      body: doc.body ? (withoutInternalFields(doc.body) as DeliveryBody) : null,
      hero: image || caption || credit ? { caption, credit, image } : null,
      // Names, as partners have always read them; the records' pages are the site's business.
      section: textOrNull(recordOf(doc.section).name),
      topics: populatedList(doc.topics)
        .map((topic) => topic.name)
        .filter((name): name is string => typeof name === 'string'),
      meta: {
        title: textOrNull(recordOf(doc.meta).title),
        description: textOrNull(recordOf(doc.meta).description),
        image: shapeImage(recordOf(doc.meta).image),
      },
      publishedAt: textOrNull(doc.publishedAt),
      revisedAt: textOrNull(doc.revisedAt),
      firstPublishedAt: textOrNull(doc.firstPublishedAt),
      // Only partners ever read a story still under embargo: they learn when they may run it.
      ...(isEmbargoed(doc) ? { embargoed: embargoEnd(doc)?.toISOString() } : {}),
      updatedAt: String(doc.updatedAt),
      corrections: shapeCorrections(doc.corrections),
    },
    relatedCoverage: populatedList(doc.relatedCoverage).map((story) => shapeRelated(story, paths)),
    quotes,
    cases,
    people: shapePeople(bylines, quotes, cases, factCheck),
    factCheck,
  }
}

/**
 * The latest `updatedAt` among the article and everything it shows, so Last-Modified moves
 * when a quote or a related story changes and not only the article itself.
 */
export const deliveryLastModified = (doc: PopulatedDoc): Date => {
  const related = populatedList(doc.relatedCoverage)
  const documents: unknown[] = [
    doc,
    recordOf(doc.hero).image,
    recordOf(doc.meta).image,
    ...populatedList(doc.quotes),
    ...populatedList(doc.cases),
    recordOf(doc.factCheck).claim,
    ...related,
    ...related.map((story) => publishedTarget(story.article)),
  ]
  const times = documents
    .filter(isPopulated)
    .map((document) => Date.parse(String(document.updatedAt)))
    .filter((time) => Number.isFinite(time))
  return new Date(times.length > 0 ? Math.max(...times) : 0)
}
