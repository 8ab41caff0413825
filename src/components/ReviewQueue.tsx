import type { ServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { hasRole } from '../access/roles'
import { collectionSlugs } from '../collectionSlugs'
import { REVIEW_STAGE } from '../reviewStage'
import { translate } from '../translations/translate'

/** More than this waiting is a desk problem a list will not solve; the count says how many. */
const QUEUE_LENGTH = 20

const waitedSince = (iso: unknown, locale: string | undefined): string =>
  typeof iso === 'string'
    ? new Date(iso).toLocaleString(locale ?? 'en', { dateStyle: 'medium', timeStyle: 'short' })
    : ''

/**
 * The editors' review queue on the dashboard: stories writers submitted, oldest first, each
 * linking to its edit view. Read as the signed-in editor (access rules apply, drafts included,
 * since a submitted story is a draft). Nothing for writers, who cannot act on it.
 */
export const ReviewQueue = async ({ i18n, locale, payload, user }: ServerProps) => {
  if (!user || !hasRole(user, 'editor', 'admin')) {
    return null
  }
  const { docs, totalDocs } = await payload.find({
    collection: collectionSlugs.articles,
    depth: 0,
    draft: true,
    limit: QUEUE_LENGTH,
    overrideAccess: false,
    select: { headline: true, stage: true, updatedAt: true },
    sort: 'updatedAt',
    user,
    where: { stage: { equals: REVIEW_STAGE } },
  })
  const t = i18n.t
  return (
    <section aria-labelledby="newsroom-review-queue" className="newsroom-review-queue">
      <h2 id="newsroom-review-queue">
        {translate(t, 'reviewQueue')} ({totalDocs})
      </h2>
      {docs.length === 0 ? (
        <p>{translate(t, 'reviewQueueEmpty')}</p>
      ) : (
        <ol>
          {docs.map((doc) => (
            <li key={String(doc.id)}>
              <a
                href={formatAdminURL({
                  adminRoute: payload.config.routes.admin,
                  path: `/collections/${collectionSlugs.articles}/${String(doc.id)}`,
                })}
              >
                {String((doc as { headline?: unknown }).headline ?? doc.id)}
              </a>{' '}
              <span>
                · {translate(t, 'reviewQueueWaitingSince')}{' '}
                {waitedSince(doc.updatedAt, typeof locale === 'object' ? locale?.code : undefined)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
