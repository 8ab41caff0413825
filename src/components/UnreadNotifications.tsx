import type { ServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { hasRole, roles } from '../access/roles'
import { collectionSlugs } from '../collectionSlugs'
import { translate } from '../translations/translate'

/** The newest unread ones are listed; the count says how many more wait in the list. */
const SHOWN = 5

/**
 * The signed-in account's unread notifications on the dashboard: how many, the newest few, and
 * a link to all of them (the notifications list, which shows each account its own only). Read
 * as that account, so access decides what it sees.
 */
export const UnreadNotifications = async ({ i18n, payload, user }: ServerProps) => {
  if (!user || !hasRole(user, ...roles)) {
    return null
  }
  const { docs, totalDocs } = await payload.find({
    collection: collectionSlugs.notifications,
    depth: 0,
    limit: SHOWN,
    overrideAccess: false,
    select: { article: true, message: true },
    sort: '-createdAt',
    user,
    where: { read: { not_equals: true } },
  })
  const t = i18n.t
  const adminURL = (path: `/${string}`) =>
    formatAdminURL({ adminRoute: payload.config.routes.admin, path })
  return (
    <section aria-labelledby="newsroom-notifications" className="newsroom-notifications">
      <h2 id="newsroom-notifications">
        {translate(t, 'unreadNotifications', { count: totalDocs })}
      </h2>
      {docs.length > 0 && (
        <ul>
          {docs.map((doc) => (
            <li key={String(doc.id)}>
              <a href={adminURL(`/collections/${collectionSlugs.notifications}/${String(doc.id)}`)}>
                {String((doc as { message?: unknown }).message ?? '')}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={adminURL(`/collections/${collectionSlugs.notifications}`)}>
          {translate(t, 'allNotifications')}
        </a>
      </p>
    </section>
  )
}
