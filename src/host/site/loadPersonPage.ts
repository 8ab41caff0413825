import type { Payload, TypedUser, Where } from 'payload'

import { documentKey } from 'payload-plugin-newsroom/delivery'
import { SLUG_PATTERN, collectionSlugs, relationId, relationIds } from 'payload-plugin-newsroom'

import config from '@payload-config'
import { draftMode, headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { Article, Case, Claim, Media, Person, Quote } from '../payload-types'

import { recordPageKeys } from '../pageCache/renderKeys'
import { previewUser } from './preview'

type Story = Pick<Article, '_status' | 'headline' | 'id' | 'publishedAt' | 'slug'>

export type PersonQuote = { quote: Quote; stories: Story[] }

export type PersonPage = {
  cases: { record: Case; roles: string[] }[]
  claims: { checks: (Story & { rating?: null | string })[]; claim: Claim }[]
  person: Person
  photo: Media | null
  /** A signed-in staff member in draft mode: every quote, drafts included. */
  preview: boolean
  quotes: PersonQuote[]
  stories: Story[]
}

type Viewer = { draft: boolean; overrideAccess: false; user: null | TypedUser }

const storyFields = { _status: true, headline: true, publishedAt: true, slug: true } as const

const findPerson = async (payload: Payload, viewer: Viewer, slug: string) => {
  const { docs } = await payload.find({
    collection: collectionSlugs.people,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user: viewer.user,
    where: { slug: { equals: slug } },
  })
  return docs[0] ?? null
}

/** A visible person's photo is public by purpose, though no live story shows the image. */
const readPhoto = async (payload: Payload, person: Person): Promise<Media | null> => {
  const id = relationId(person.photo)
  if (id === undefined) return null
  return (await payload.findByID({
    collection: collectionSlugs.media,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as Media | null
}

const findStories = async (payload: Payload, viewer: Viewer, where: Where) =>
  (
    await payload.find({
      collection: collectionSlugs.articles,
      depth: 0,
      draft: viewer.draft,
      limit: 100,
      overrideAccess: false,
      select: { ...storyFields, bylines: true, factCheck: true, quotes: true },
      sort: '-publishedAt',
      user: viewer.user,
      where,
    })
  ).docs as (Story & Pick<Article, 'bylines' | 'factCheck' | 'quotes'>)[]

const time = (value: null | string | undefined) => (value ? Date.parse(value) || 0 : 0)

/**
 * What a person's pages show: for readers only what published stories show of them (their
 * verified quotes in published stories, the cases those stories cite, their claims checked);
 * for a signed-in staff member in draft mode, everything, drafts included. Once per request.
 */
export const loadPersonPage = cache(async (slug: string): Promise<null | PersonPage> => {
  if (!SLUG_PATTERN.test(slug)) return null
  const payload = await getPayload({ config })
  const requestHeaders = await headers()
  const previewAs = (await draftMode()).isEnabled
    ? await previewUser(payload, requestHeaders)
    : null
  const viewer: Viewer = { draft: Boolean(previewAs), overrideAccess: false, user: previewAs }
  const person = await findPerson(payload, viewer, slug)
  if (!person) return null

  const { docs: quoteDocs } = await payload.find({
    collection: collectionSlugs.quotes,
    depth: 0,
    limit: 100,
    overrideAccess: false,
    user: viewer.user,
    where: {
      and: [
        { 'speaker.person': { equals: person.id } },
        // Readers get what the newsroom verified; editors see every quote, with its status.
        ...(previewAs ? [] : [{ 'verification.status': { equals: 'verified' } }]),
      ],
    },
  })
  const quoteStories =
    quoteDocs.length > 0
      ? await findStories(payload, viewer, { quotes: { in: quoteDocs.map((quote) => quote.id) } })
      : []
  const quotes = quoteDocs
    .map((quote) => ({
      quote,
      stories: quoteStories.filter((story) =>
        relationIds(story.quotes).some((id) => String(id) === String(quote.id)),
      ),
    }))
    .filter((entry) => previewAs || entry.stories.length > 0)
    .sort(
      (a, b) =>
        (time(b.quote.saidAt) || time(b.stories[0]?.publishedAt)) -
        (time(a.quote.saidAt) || time(a.stories[0]?.publishedAt)),
    )

  const { docs: caseDocs } = await payload.find({
    collection: collectionSlugs.cases,
    depth: 0,
    limit: 100,
    overrideAccess: false,
    sort: 'decidedAt',
    user: viewer.user,
    where: { 'parties.person': { equals: person.id } },
  })
  const cases = caseDocs.map((record) => ({
    record,
    roles: (record.parties ?? [])
      .filter((party) => String(relationId(party.person)) === String(person.id))
      .map((party) => party.role),
  }))

  const { docs: claimDocs } = await payload.find({
    collection: collectionSlugs.claims,
    depth: 0,
    limit: 100,
    overrideAccess: false,
    user: viewer.user,
    where: { claimant: { equals: person.id } },
  })
  const checks =
    claimDocs.length > 0
      ? await findStories(payload, viewer, {
          'factCheck.claim': { in: claimDocs.map((claim) => claim.id) },
        })
      : []
  const claims = claimDocs.map((claim) => ({
    checks: checks
      .filter((story) => String(relationId(story.factCheck?.claim)) === String(claim.id))
      .map((story) => ({ ...story, rating: story.factCheck?.rating })),
    claim,
  }))

  const stories = await findStories(payload, viewer, { 'bylines.person': { equals: person.id } })
  const photo = await readPhoto(payload, person)

  recordPageKeys(requestHeaders, [
    documentKey(collectionSlugs.people, person.id),
    ...quoteDocs.map((quote) => documentKey(collectionSlugs.quotes, quote.id)),
    ...[...quoteStories, ...checks, ...stories].map((story) =>
      documentKey(collectionSlugs.articles, story.id),
    ),
    ...caseDocs.map((record) => documentKey(collectionSlugs.cases, record.id)),
    ...claimDocs.map((claim) => documentKey(collectionSlugs.claims, claim.id)),
    ...(photo ? [documentKey(collectionSlugs.media, photo.id)] : []),
  ])
  return { cases, claims, person, photo, preview: Boolean(previewAs), quotes, stories }
})
