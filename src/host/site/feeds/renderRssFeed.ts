import type { Where } from 'payload'

import type { FeedContext } from './types'

import { collectionSlugs, siteSettings } from 'payload-plugin-newsroom'
import {
  deliveryPopulate,
  shapeBylines,
  withoutInternalFields,
} from 'payload-plugin-newsroom/delivery'
import { bodyToHtml } from 'payload-plugin-newsroom/lexical'
import { articlePath } from '../paths'
import { rfc822Date } from './dates'
import { RSS_PATH } from './feedPaths'
import { publishedArticles } from './publishedArticles'
import { escapeXml, XML_DECLARATION, xmlElement } from './xml'

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'

/** How many stories the feed carries. */
export const RSS_ITEM_LIMIT = 50

/** A feed of part of the site (a section, a topic): its own title, page and stories. */
export type RssChannel = {
  description: string
  /** The page the feed belongs to, e.g. `/sections/national`. */
  path: string
  /** The feed's own path, e.g. `/sections/national/feed.xml`. */
  selfPath: string
  title: string
  /** Which published stories it carries. */
  where: Where
}

type RssFeedArgs = FeedContext & {
  /** @default the whole site's latest stories */
  channel?: RssChannel
  /** @default RSS_ITEM_LIMIT */
  limit?: number
}

/**
 * RSS 2.0 of the latest published stories, newest `publishedAt` first, as an anonymous reader
 * may read them. `pubDate` is when the story first went out; `publishedAt` only orders them.
 */
export const renderRssFeed = async ({
  channel,
  limit = RSS_ITEM_LIMIT,
  now,
  origin,
  payload,
}: RssFeedArgs): Promise<string> => {
  const site = siteSettings(payload.config)
  const { language, name } = site
  const { docs } = await payload.find({
    collection: collectionSlugs.articles,
    // Staff bylines are populated only where readers may read users; the credit shows otherwise.
    // The body's images, quotes and cases come populated as the story page shows them.
    depth: 1,
    draft: false,
    limit,
    overrideAccess: false,
    pagination: false,
    populate: deliveryPopulate,
    select: {
      body: true,
      bylines: true,
      dek: true,
      firstPublishedAt: true,
      headline: true,
      publishedAt: true,
      section: true,
      slug: true,
      topics: true,
      updatedAt: true,
    },
    sort: '-publishedAt',
    where: channel ? publishedArticles(channel.where) : publishedArticles(),
  })

  const items = docs.flatMap((doc) => {
    if (!doc.slug) {
      return []
    }
    const link = `${origin}${articlePath(doc.slug)}`
    const published = doc.firstPublishedAt ?? doc.publishedAt
    const categories = [doc.section, ...(doc.topics ?? [])]
      .map((term) => (term && typeof term === 'object' ? term.name : undefined))
      .filter((value): value is string => Boolean(value))
    return [
      [
        '<item>',
        xmlElement('title', doc.headline),
        xmlElement('link', link),
        `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
        ...(doc.dek ? [xmlElement('description', doc.dek)] : []),
        // The whole story, as partners' ninjs carries it: images with caption and credit too.
        ...(doc.body
          ? [
              xmlElement(
                'content:encoded',
                bodyToHtml(withoutInternalFields(doc.body), { baseUrl: origin, paths: site }),
              ),
            ]
          : []),
        ...(published ? [xmlElement('pubDate', rfc822Date(published))] : []),
        ...shapeBylines(doc.bylines).map((byline) => xmlElement('dc:creator', byline.name)),
        ...categories.map((category) => xmlElement('category', category)),
        '</item>',
      ].join('\n'),
    ]
  })

  // The channel last changed when its most recently edited story did; an empty one, now.
  const changes = docs.map((doc) => Date.parse(doc.updatedAt)).filter(Number.isFinite)
  const lastBuildDate = changes.length > 0 ? new Date(Math.max(...changes)) : now

  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    xmlElement('title', channel ? `${channel.title} — ${name}` : name),
    xmlElement('link', `${origin}${channel?.path ?? '/'}`),
    xmlElement('description', channel?.description ?? `The latest stories from ${name}.`),
    xmlElement('language', language),
    xmlElement('lastBuildDate', rfc822Date(lastBuildDate)),
    `<atom:link href="${escapeXml(`${origin}${channel?.selfPath ?? RSS_PATH}`)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
