import type { Payload, PayloadRequest, TypeWithID } from 'payload'

import { randomBytes } from 'node:crypto'

import type { Id } from '../documents'

import { markLivePeople } from '../../collections/People/hooks/markLivePeople'
import { collectionSlugs } from '../collectionSlugs'
import { relationId } from '../utilities/ids'
import { slugify } from '../utilities/slugify'

type Position = { organization?: null | string; title?: null | string }

type PersonRecord = {
  id: Id
  kind?: null | string
  name: string
  positions?: null | Position[]
  slug?: null | string
  user?: unknown
}

type Byline = { author?: unknown; credit?: null | string; id?: null | string; person?: unknown }

/** What one run carried over, for the migration's log and its tests. */
export type CarryOverPeopleResult = {
  bylinesLinked: number
  casesLinked: number
  peopleCreated: number
  quotesLinked: number
  versionsLinked: number
}

type CarryOverPeopleArgs = {
  payload: Payload
  /** The migration's request, so every write joins its transaction. */
  req?: Partial<PayloadRequest>
}

/** The same name however it was typed: case, spacing and accents aside. */
export const personKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** Array rows written below `payload.db` need the id Payload's own hooks would give them. */
const rowId = (): string => randomBytes(12).toString('hex')

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

const hasId = (value: unknown) => {
  const id = relationId(value)
  return id !== undefined && id !== null && id !== ''
}

/**
 * Turns the names typed before people were records into people: quote speakers, byline credits
 * and staff author accounts, case claimants and counsel. The same name becomes one person;
 * what was typed stays where it was (a quote keeps its speaker as printed, a byline its credit
 * and account, a case its text), so nothing is lost, and a record already linked is left alone,
 * so running it again changes nothing. It reads and writes through `payload.db` for stories and
 * their versions, so no publish rule, version or timestamp moves, and it runs on every adapter:
 * the SQL migrations call it, and MongoDB (which has no schema migrations) at start-up.
 */
export const carryOverPeople = async ({
  payload,
  req = {},
}: CarryOverPeopleArgs): Promise<CarryOverPeopleResult> => {
  const result: CarryOverPeopleResult = {
    bylinesLinked: 0,
    casesLinked: 0,
    peopleCreated: 0,
    quotesLinked: 0,
    versionsLinked: 0,
  }
  const { docs: existing } = (await payload.db.find({
    collection: collectionSlugs.people,
    limit: 0,
    pagination: false,
    req,
  })) as unknown as { docs: PersonRecord[] }
  const byName = new Map(existing.map((person) => [personKey(person.name), person]))
  const byUser = new Map(
    existing.filter((person) => hasId(person.user)).map((p) => [String(relationId(p.user)), p]),
  )
  const slugs = new Set(existing.map((person) => person.slug).filter(Boolean))

  const freeSlug = (name: string) => {
    const base = slugify(name) || 'person'
    let slug = base
    for (let n = 2; slugs.has(slug); n += 1) {
      slug = `${base}-${n}`
    }
    slugs.add(slug)
    return slug
  }

  const personFor = async (
    name: string,
    kind: 'contributor' | 'source' | 'staff',
    extra: { position?: Position; user?: Id } = {},
  ): Promise<PersonRecord> => {
    const known =
      (extra.user !== undefined ? byUser.get(String(extra.user)) : undefined) ??
      byName.get(personKey(name))
    const position =
      extra.position && (text(extra.position.title) || text(extra.position.organization))
        ? {
            id: rowId(),
            organization: text(extra.position.organization),
            title: text(extra.position.title),
          }
        : undefined
    if (known) {
      const positions = known.positions ?? []
      const seen = positions.some(
        (held) =>
          text(held.title) === position?.title && text(held.organization) === position.organization,
      )
      const data: Record<string, unknown> = {}
      if (position && !seen) {
        known.positions = [...positions, position]
        data.positions = known.positions
      }
      if (extra.user !== undefined && !hasId(known.user)) {
        known.user = extra.user
        data.user = extra.user
        data.kind = 'staff'
        byUser.set(String(extra.user), known)
      }
      if (Object.keys(data).length > 0) {
        await payload.db.updateOne({ id: known.id, collection: collectionSlugs.people, data, req })
      }
      return known
    }
    const created = (await payload.db.create({
      collection: collectionSlugs.people,
      data: {
        inLiveStory: false,
        kind,
        name: name.replace(/\s+/g, ' ').trim(),
        positions: position ? [position] : [],
        slug: freeSlug(name),
        user: extra.user,
      },
      req,
    })) as unknown as PersonRecord
    result.peopleCreated += 1
    byName.set(personKey(name), created)
    if (extra.user !== undefined) {
      byUser.set(String(extra.user), created)
    }
    return created
  }

  // Quotes: the speaker as typed becomes a source; the quote keeps its printed title.
  const { docs: quotes } = await payload.db.find({
    collection: collectionSlugs.quotes,
    limit: 0,
    pagination: false,
    req,
  })
  for (const quote of quotes as (TypeWithID & { speaker?: Record<string, unknown> })[]) {
    const speaker = quote.speaker ?? {}
    const name = text(speaker.name)
    if (!name || hasId(speaker.person)) continue
    const person = await personFor(name, 'source', {
      position: { organization: text(speaker.organization), title: text(speaker.title) },
    })
    await payload.db.updateOne({
      id: quote.id,
      collection: collectionSlugs.quotes,
      data: { speaker: { ...speaker, person: person.id } },
      req,
    })
    result.quotesLinked += 1
  }

  // Cases: claimant and counsel as typed become parties.
  const { docs: cases } = await payload.db.find({
    collection: collectionSlugs.cases,
    limit: 0,
    pagination: false,
    req,
  })
  for (const record of cases as (TypeWithID & Record<string, unknown>)[]) {
    const parties = Array.isArray(record.parties) ? record.parties : []
    if (parties.length > 0) continue
    const added: { id: string; person: Id; role: string }[] = []
    for (const role of ['claimant', 'counsel'] as const) {
      const name = text(record[role])
      if (name) {
        added.push({ id: rowId(), person: (await personFor(name, 'source')).id, role })
      }
    }
    if (added.length === 0) continue
    await payload.db.updateOne({
      id: record.id,
      collection: collectionSlugs.cases,
      data: { parties: added },
      req,
    })
    result.casesLinked += 1
  }

  // Bylines: a staff account or a credit becomes a person, in the story and in its versions.
  const userNames = new Map<string, string>()
  const linkBylines = async (bylines: unknown): Promise<Byline[] | null> => {
    if (!Array.isArray(bylines)) return null
    let changed = false
    const linked: Byline[] = []
    for (const byline of bylines as Byline[]) {
      if (hasId(byline.person)) {
        linked.push(byline)
        continue
      }
      const credit = text(byline.credit)
      const author = relationId(byline.author)
      let person: PersonRecord | undefined
      if (author !== undefined && author !== null && !credit) {
        const key = String(author)
        if (!userNames.has(key)) {
          const user = (await payload.db.findOne({
            collection: collectionSlugs.users,
            req,
            where: { id: { equals: author } },
          })) as { name?: null | string } | null
          userNames.set(key, text(user?.name))
        }
        const name = userNames.get(key)
        if (name) person = await personFor(name, 'staff', { user: author })
      } else if (credit) {
        person = await personFor(credit, 'contributor')
      }
      if (person) changed = true
      linked.push(person ? { ...byline, person: person.id } : byline)
    }
    return changed ? linked : null
  }

  const { docs: articles } = await payload.db.find({
    collection: collectionSlugs.articles,
    limit: 0,
    pagination: false,
    req,
  })
  for (const article of articles as (TypeWithID & { bylines?: unknown })[]) {
    const bylines = await linkBylines(article.bylines)
    if (!bylines) continue
    await payload.db.updateOne({
      id: article.id,
      collection: collectionSlugs.articles,
      data: { bylines },
      req,
    })
    result.bylinesLinked += bylines.length
  }
  const { docs: versions } = await payload.db.findVersions({
    collection: collectionSlugs.articles,
    limit: 0,
    pagination: false,
    req,
  })
  for (const version of versions) {
    const content = (version.version ?? {}) as { bylines?: unknown }
    const bylines = await linkBylines(content.bylines)
    if (!bylines) continue
    // The whole version goes back: a partial one would replace the stored version on MongoDB.
    await payload.db.updateVersion({
      id: version.id,
      collection: collectionSlugs.articles,
      req,
      versionData: { ...version, version: { ...content, bylines } } as never,
    })
    result.versionsLinked += 1
  }
  // Readers keep seeing who a live story names: each person's flag, as the hooks would set it.
  await markLivePeople({ ...req, context: req.context ?? {}, payload } as PayloadRequest, [
    ...byName.values(),
  ].map((person) => person.id))
  return result
}
