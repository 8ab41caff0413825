import type { SitePaths } from '../siteSettings'
import type { DeliveryArticle, DeliveryImage, DeliveryRelatedItem } from './types'

import { lexicalBlocksText } from '../utilities/lexical'
import { bodyToHtml } from '../lexical/converters/html'

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#'

type NinjsOptions = {
  /**
   * The site's public origin (`https://news.example`), for the item's `uri` and links to our
   * own stories. Empty: identifiers become `urn:newsroom:…` and links stay paths.
   */
  baseUrl: string
  /** When anything shown in the article last changed. @default the article's updatedAt */
  lastModified?: Date
  /** Where the site shows stories and cases. */
  paths: SitePaths
}

type NinjsText = { contenttype?: string; role?: string; value: string }

type NinjsItem = {
  [key: string]: unknown
  uri: string
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '')

/** `format: uri` accepts ASCII only: the URL parser percent-encodes the rest. */
const normalizedUrl = (url: string): null | string => {
  try {
    return new URL(url).href
  } catch {
    return null
  }
}

const absoluteUrl = (url: null | string, baseUrl: string): null | string => {
  if (!url) {
    return null
  }
  if (url.startsWith('/') && !url.startsWith('//')) {
    return baseUrl ? normalizedUrl(`${baseUrl}${url}`) : null
  }
  return normalizedUrl(url)
}

const storyUri = (slug: string, baseUrl: string, paths: SitePaths): string =>
  (baseUrl && normalizedUrl(`${baseUrl}${paths.articlePath(slug)}`)) ||
  `urn:newsroom:news:${encodeURIComponent(slug)}`

const unique = (values: (null | string)[]): string[] => [
  ...new Set(values.filter((value): value is string => Boolean(value))),
]

const relatedAssociation = (
  item: DeliveryRelatedItem,
  index: number,
  baseUrl: string,
  paths: SitePaths,
): NinjsItem => {
  const uri = item.article
    ? storyUri(item.article.slug, baseUrl, paths)
    : (absoluteUrl(item.url, baseUrl) ??
      `urn:newsroom:related-story:${encodeURIComponent(String(item.id))}`)
  return {
    name: `related-${index + 1}`,
    uri,
    type: 'text',
    headlines: [{ role: 'main', value: item.headline }],
    ...(item.dek ? { descriptions: [{ role: 'summary', value: item.dek }] } : {}),
    ...(item.publishedAt ? { versioncreated: item.publishedAt } : {}),
    ...(item.outlet ? { infosources: [{ name: item.outlet, role: 'publisher' }] } : {}),
  }
}

const heroAssociation = (
  image: DeliveryImage,
  hero: { caption: null | string; credit: null | string },
  baseUrl: string,
): NinjsItem => {
  const href = absoluteUrl(image.url, baseUrl)
  const caption = hero.caption ?? image.caption
  const credit = hero.credit ?? image.credit
  return {
    name: 'hero',
    uri: href ?? `urn:newsroom:media:${encodeURIComponent(String(image.id))}`,
    type: 'picture',
    ...(caption ? { descriptions: [{ role: 'caption', value: caption }] } : {}),
    ...(credit ? { by: credit } : {}),
    renditions: [
      {
        name: 'original',
        ...(href ? { href } : {}),
        ...(image.mimeType ? { contenttype: image.mimeType } : {}),
        ...(image.alt ? { title: image.alt } : {}),
        ...(image.width !== null ? { width: image.width } : {}),
        ...(image.height !== null ? { height: image.height } : {}),
      },
      // Payload's stored sizes: a partner picks the one its layout needs.
      ...image.sizes.flatMap((size) => {
        const sizeHref = absoluteUrl(size.url, baseUrl)
        return sizeHref
          ? [
              {
                name: size.name,
                href: sizeHref,
                ...(image.mimeType ? { contenttype: image.mimeType } : {}),
                width: size.width,
                ...(size.height !== null ? { height: size.height } : {}),
              },
            ]
          : []
      }),
    ],
  }
}

type NinjsPerson = { literal?: string; name: string; rel: string; uri?: string }

/**
 * The people and organizations the story is about (ninjs `people` and `organisations` are
 * nar:subject; bylines are `by`), one entry per part they play: `quoted`, a case role
 * (`claimant`, `counsel`, `judge`, `other`) or `claimed` (made the claim it checks). A record
 * carries its page as `uri` (a URN without a public origin) and its slug as `literal`, a person's
 * and an organization's alike: both are `people` records on one page route, and the URN stays
 * the same if an editor later marks the record an organization. A speaker typed without a
 * record is taken for a person, by name alone.
 */
const ninjsSubjects = (
  { people, quotes }: DeliveryArticle,
  baseUrl: string,
  paths: SitePaths,
): { organisations: NinjsPerson[]; people: NinjsPerson[] } => {
  const entries = (people ?? []).flatMap((person) =>
    person.roles
      .filter((role) => role !== 'author')
      .map((rel): { entry: NinjsPerson; isOrganization: boolean } => ({
        isOrganization: person.isOrganization,
        entry: {
          name: person.name,
          rel,
          uri:
            (baseUrl && normalizedUrl(`${baseUrl}${paths.personPath(person.slug)}`)) ||
            `urn:newsroom:person:${encodeURIComponent(person.slug)}`,
          literal: person.slug,
        },
      })),
  )
  const typedOnly = unique(
    quotes.filter((quote) => !quote.speaker.person).map((quote) => quote.speaker.name),
  ).filter((name) => !entries.some(({ entry }) => entry.name === name && entry.rel === 'quoted'))
  return {
    organisations: entries.filter((item) => item.isOrganization).map(({ entry }) => entry),
    people: [
      ...entries.filter((item) => !item.isOrganization).map(({ entry }) => entry),
      ...typedOnly.map((name) => ({ name, rel: 'quoted' })),
    ],
  }
}

/**
 * The article as an IPTC ninjs 2.2 news item. The body is rendered to escaped HTML; quote
 * speakers become `people`, cases `subjects`, related coverage and the hero `associations`
 * (ninjs 2.2 has no `links`); organization records go under `organisations`, not `people`.
 */
export const renderNinjs = (delivery: DeliveryArticle, options: NinjsOptions): NinjsItem => {
  const baseUrl = withoutTrailingSlash(options.baseUrl)
  const { article, cases, quotes, relatedCoverage } = delivery
  const versioncreated = (options.lastModified ?? new Date(article.updatedAt)).toISOString()
  const created = article.firstPublishedAt ?? article.publishedAt
  const bodyText = lexicalBlocksText(article.body).join('\n')
  const descriptions: NinjsText[] = [
    ...(article.dek ? [{ contenttype: 'text/plain', role: 'summary', value: article.dek }] : []),
    ...article.corrections.map((correction) => ({
      contenttype: 'text/plain',
      role: correction.type,
      value: correction.text,
    })),
  ]
  const { organisations: organisationRecords, people } = ninjsSubjects(
    delivery,
    baseUrl,
    options.paths,
  )
  // Organization records first, then the speakers' printed affiliations (`rel: affiliation`).
  const organisations = [
    ...organisationRecords,
    ...unique(quotes.map((quote) => quote.speaker.organization)).map((name) => ({
      name,
      rel: 'affiliation',
    })),
  ]
  const subjects = [
    ...(article.section ? [{ name: article.section, rel: 'section' }] : []),
    ...article.topics.map((topic) => ({ name: topic, rel: 'topic' })),
    ...cases.map((record) => ({
      name: record.caption,
      rel: 'cites',
      ...(record.citation ? { literal: record.citation } : {}),
    })),
  ]
  const associations = [
    ...(article.hero?.image ? [heroAssociation(article.hero.image, article.hero, baseUrl)] : []),
    ...relatedCoverage.map((item, index) =>
      relatedAssociation(item, index, baseUrl, options.paths),
    ),
  ]
  const byline = article.bylines.map(({ name }) => name).join(', ')

  return {
    uri: storyUri(article.slug, baseUrl, options.paths),
    standard: { name: 'ninjs', schema: NINJS_SCHEMA_URI, version: '2.2' },
    type: 'text',
    representationtype: 'full',
    profile: 'newsroom-article',
    // The latest change shown, in milliseconds: a new value whenever what readers see changes.
    version: String(Date.parse(versioncreated)),
    ...(created ? { firstcreated: created } : {}),
    versioncreated,
    ...(article.publishedAt ? { contentcreated: article.publishedAt } : {}),
    // ninjs 2.x: the time before which no version of the item may be published.
    ...(article.embargoed ? { embargoed: article.embargoed } : {}),
    pubstatus: 'usable',
    language: 'en',
    slugline: article.slug,
    headlines: [{ contenttype: 'text/plain', role: 'main', value: article.headline }],
    ...(descriptions.length > 0 ? { descriptions } : {}),
    ...(byline ? { by: byline } : {}),
    ...(article.dateline ? { located: article.dateline } : {}),
    ...(article.body
      ? {
          bodies: [
            {
              role: 'main',
              contenttype: 'text/html',
              charcount: bodyText.length,
              wordcount: bodyText.split(/\s+/).filter(Boolean).length,
              value: bodyToHtml(article.body, { baseUrl, paths: options.paths }),
            },
          ],
        }
      : {}),
    ...(people.length > 0 ? { people } : {}),
    ...(organisations.length > 0 ? { organisations } : {}),
    ...(subjects.length > 0 ? { subjects } : {}),
    ...(associations.length > 0 ? { associations } : {}),
  }
}
