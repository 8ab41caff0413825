import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import type { NewsroomArticle } from '../../../src/documents'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { contextKeys } from '../../../src/requestContext'
import { REDIRECTS_SLUG } from '../../../src/redirects/withRedirects'
import { siteSettings } from '../../../src/siteSettings'
import { DRAFT_SAVE } from './rememberDraftSave'
import { readLiveArticle } from './liveArticle'

const LIVE_SLUG = 'newsroomLiveSlugBefore'

/** Before a change to the live story: the slug readers know it by. */
export const rememberLiveSlug: CollectionBeforeChangeHook<NewsroomArticle> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc && req.context[DRAFT_SAVE] !== true) {
    const live = await readLiveArticle(req, originalDoc.id)
    req.context[`${LIVE_SLUG}:${String(originalDoc.id)}`] = live?.slug ?? null
  }
  return data
}

/**
 * Once a live story's slug has changed, its old URL answers 301 to the story (whatever its slug
 * is later), and a URL a story takes (back, or first) stops redirecting. Only where the app has the
 * redirects collection (the plugin's `redirects` option).
 */
export const redirectChangedSlug: CollectionAfterChangeHook<NewsroomArticle> = async ({
  doc,
  operation,
  req,
}) => {
  const before = req.context[`${LIVE_SLUG}:${String(doc.id)}`]
  if (
    !req.payload.collections[REDIRECTS_SLUG as CollectionSlug] ||
    !doc.slug ||
    before === doc.slug ||
    doc._status !== 'published'
  ) {
    return doc
  }
  const { articlePath } = siteSettings(req.payload.config)
  const collection = REDIRECTS_SLUG as CollectionSlug
  const goesLive = operation === 'create' || before === null
  if (typeof before !== 'string' && !goesLive) {
    return doc
  }
  // The story's URL is its page now: an old redirect from it (another story's former slug)
  // would hide the page behind a 301.
  await req.payload.delete({
    collection,
    overrideAccess: true,
    req,
    where: { from: { equals: articlePath(doc.slug) } },
  })
  if (typeof before !== 'string') {
    return doc
  }
  const from = articlePath(before)
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { from: { equals: from } },
  })
  // The plugin cannot know the host's generated types, so the record is written untyped.
  const data: Record<string, unknown> = {
    from,
    to: { reference: { relationTo: collectionSlugs.articles, value: doc.id }, type: 'reference' },
    type: '301',
  }
  if (docs[0]) {
    await req.payload.update({ collection, data, id: docs[0].id, overrideAccess: true, req })
  } else {
    await req.payload.create({ collection, data, overrideAccess: true, req })
  }
  // What the editor is told (a restore's message names the move).
  req.context[contextKeys.slugMoved] = { from: before, to: doc.slug }
  return doc
}
