import type { ServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { canSeeBudget } from '../../budget/budgetData'
import { translate } from '../../translations/translate'
import { BUDGET_PATH, CALENDAR_PATH } from './paths'

/** The story budget and the calendar in the admin's navigation, for staff. */
export const NewsroomNavLinks = ({ i18n, payload, user }: ServerProps) => {
  if (!user || !canSeeBudget(user)) {
    return null
  }
  const adminRoute = payload.config.routes.admin
  const links = [
    { key: 'budgetTitle', path: BUDGET_PATH },
    { key: 'calendarTitle', path: CALENDAR_PATH },
  ] as const
  return (
    <>
      {links.map(({ key, path }) => (
        <a
          className="nav__link"
          href={formatAdminURL({ adminRoute, path })}
          id={`nav-newsroom-${key}`}
          key={key}
        >
          <span className="nav__link-label">{translate(i18n.t, key)}</span>
        </a>
      ))}
    </>
  )
}
