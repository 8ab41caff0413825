import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import type { CalendarEntryKind } from '../../budget/calendarData'

import { loadCalendar, parseCalendarMonth } from '../../budget/calendarData'
import { collectionSlugs } from '../../collectionSlugs'
import { translate } from '../../translations/translate'
import './budget.css'
import { BUDGET_PATH, CALENDAR_PATH, loginAfter } from './paths'

const kindKey = {
  published: 'calendarPublished',
  'scheduled-publish': 'calendarScheduledPublish',
  'scheduled-unpublish': 'calendarScheduledUnpublish',
} as const satisfies Record<CalendarEntryKind, string>

/**
 * A month of stories: those scheduled to go out (Payload's scheduled-publish jobs) and those
 * published, on their UTC day, each linking to its story. Staff only, like the budget.
 */
export const StoryCalendar = async (props: AdminViewServerProps) => {
  const { initPageResult, params, searchParams } = props
  const { locale, permissions, req, visibleEntities } = initPageResult
  const { i18n, payload, user } = req
  const t = i18n.t
  const adminRoute = payload.config.routes.admin
  const url = (path: string) => formatAdminURL({ adminRoute, path: path as `/${string}` })
  if (!user) {
    redirect(loginAfter(adminRoute, CALENDAR_PATH))
  }
  const month = parseCalendarMonth((searchParams as Record<string, unknown> | undefined)?.month)
  const calendar = await loadCalendar({ month, payload, user })
  const language = i18n.language

  const template = (children: React.ReactNode) => (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="newsroom-budget newsroom-calendar">{children}</Gutter>
    </DefaultTemplate>
  )
  if (!calendar) {
    return template(
      <>
        <h1>{translate(t, 'calendarTitle')}</h1>
        <p role="alert">{translate(t, 'budgetStaffOnly')}</p>
      </>,
    )
  }
  const title = new Date(`${calendar.month}-01T00:00:00.000Z`).toLocaleString(language, {
    month: 'long',
    timeZone: 'UTC',
    year: 'numeric',
  })
  const weekdays = calendar.days.slice(0, 7).map((day) =>
    new Date(`${day}T00:00:00.000Z`).toLocaleString(language, {
      timeZone: 'UTC',
      weekday: 'short',
    }),
  )
  return template(
    <>
      <h1>
        {translate(t, 'calendarTitle')}: {title}
      </h1>
      <nav className="newsroom-budget__ranges">
        <a href={`${url(CALENDAR_PATH)}?month=${calendar.previous}`}>
          ← {translate(t, 'calendarPrevious')}
        </a>
        {' · '}
        <a href={`${url(CALENDAR_PATH)}?month=${calendar.next}`}>
          {translate(t, 'calendarNext')} →
        </a>
        {' · '}
        <a href={url(BUDGET_PATH)}>{translate(t, 'budgetTitle')}</a>
      </nav>
      <div aria-hidden="true" className="newsroom-calendar__grid">
        {weekdays.map((weekday) => (
          <strong key={weekday}>{weekday}</strong>
        ))}
      </div>
      <ol className="newsroom-calendar__grid" style={{ listStyle: 'none', padding: 0 }}>
        {calendar.days.map((day) => {
          const entries = calendar.entries.filter((entry) => entry.day === day)
          const label = new Date(`${day}T00:00:00.000Z`).toLocaleString(language, {
            dateStyle: 'full',
            timeZone: 'UTC',
          })
          return (
            <li
              aria-label={label}
              className={`newsroom-calendar__day${day.startsWith(calendar.month) ? '' : ' is-other-month'}`}
              data-day={day}
              key={day}
            >
              <span>{Number(day.slice(8))}</span>
              {entries.length > 0 ? (
                <ul>
                  {entries.map((entry) => (
                    <li data-kind={entry.kind} key={`${entry.kind}-${entry.id}-${entry.at}`}>
                      {entry.at.slice(11, 16)} {translate(t, kindKey[entry.kind])}:{' '}
                      <a href={url(`/collections/${collectionSlugs.articles}/${entry.id}`)}>
                        {entry.headline}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          )
        })}
      </ol>
    </>,
  )
}
