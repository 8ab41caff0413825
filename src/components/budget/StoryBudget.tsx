import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import type { BudgetQuery, BudgetRow } from '../../budget/budgetData'

import { listSections, listStaff, loadBudget, parseBudgetQuery } from '../../budget/budgetData'
import { collectionSlugs } from '../../collectionSlugs'
import { translate } from '../../translations/translate'
import './budget.css'
import { artLabel, formatTime, stageLabel, stageOptions } from './labels'
import { BUDGET_PATH, CALENDAR_PATH, loginAfter } from './paths'

const queryString = (query: BudgetQuery, change: Partial<BudgetQuery> = {}) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...query, ...change })) {
    if (typeof value === 'string' && value.length > 0) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The story budget: what the desk has planned for today or this week, by due time, with who
 * reports and edits it, its length, art and state; overdue stories marked in words. Filters go
 * in the query string, so a filtered budget is a link to share. Staff only: Payload sends
 * anonymous visitors to the login page, and anyone else signed in gets a notice.
 */
export const StoryBudget = async (props: AdminViewServerProps) => {
  const { initPageResult, params, searchParams } = props
  const { locale, permissions, req, visibleEntities } = initPageResult
  const { i18n, payload, user } = req
  const t = i18n.t
  const adminRoute = payload.config.routes.admin
  const url = (path: string) => formatAdminURL({ adminRoute, path: path as `/${string}` })
  if (!user) {
    redirect(loginAfter(adminRoute, BUDGET_PATH))
  }
  const query = parseBudgetQuery(searchParams as Record<string, unknown>)
  const budget = await loadBudget({ payload, query, user })
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
      <Gutter className="newsroom-budget">
        <h1>{translate(t, 'budgetTitle')}</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
  if (!budget || !user) {
    return template(<p role="alert">{translate(t, 'budgetStaffOnly')}</p>)
  }
  const [sections, staff] = await Promise.all([listSections(payload), listStaff(payload, user)])

  const rows = (list: BudgetRow[]) =>
    list.map((row) => (
      <tr className={row.overdue ? 'is-overdue' : undefined} key={row.id}>
        <td>
          <a href={url(`/collections/${collectionSlugs.articles}/${row.id}`)}>{row.headline}</a>
        </td>
        <td>{row.budgetLine}</td>
        <td>{row.section?.name}</td>
        <td>{stageLabel(row.stage, i18n)}</td>
        <td>{row.reporters.map((person) => person.name).join(', ')}</td>
        <td>{row.editor?.name}</td>
        <td>
          {formatTime(row.dueAt, language)}
          {row.overdue ? (
            <>
              {' '}
              <strong className="newsroom-budget__overdue">{translate(t, 'budgetOverdue')}</strong>
            </>
          ) : null}
        </td>
        <td>{row.plannedLength ?? ''}</td>
        <td>{row.artNeeded && row.artNeeded !== 'none' ? artLabel(row.artNeeded, i18n) : ''}</td>
        <td>
          {translate(t, row.status === 'published' ? 'budgetStatusPublished' : 'budgetStatusDraft')}
        </td>
      </tr>
    ))
  const table = (caption: string, list: BudgetRow[], key: string) => (
    <section aria-labelledby={`newsroom-budget-${key}`} key={key}>
      <h2 id={`newsroom-budget-${key}`}>
        {caption} ({list.length})
      </h2>
      {list.length === 0 ? (
        <p>{translate(t, 'budgetEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{translate(t, 'budgetHeadline')}</th>
              <th scope="col">{translate(t, 'budgetLine')}</th>
              <th scope="col">{translate(t, 'budgetSection')}</th>
              <th scope="col">{translate(t, 'budgetStage')}</th>
              <th scope="col">{translate(t, 'reporters')}</th>
              <th scope="col">{translate(t, 'assignedEditor')}</th>
              <th scope="col">{translate(t, 'dueAt')}</th>
              <th scope="col">{translate(t, 'plannedLength')}</th>
              <th scope="col">{translate(t, 'artNeeded')}</th>
              <th scope="col">{translate(t, 'budgetStatus')}</th>
            </tr>
          </thead>
          <tbody>{rows(list)}</tbody>
        </table>
      )}
    </section>
  )
  const select = (
    name: keyof BudgetQuery,
    label: string,
    options: { label: string; value: string }[],
  ) => (
    <label>
      {label}
      <select defaultValue={query[name] ?? ''} name={name}>
        <option value="">{translate(t, 'budgetAll')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
  const toOptions = (list: { id: string; name: string }[]) =>
    list.map(({ id, name }) => ({ label: name, value: id }))

  return template(
    <>
      <nav className="newsroom-budget__ranges">
        <a
          aria-current={query.range === 'today' ? 'page' : undefined}
          href={`${url(BUDGET_PATH)}${queryString(query, { range: 'today' })}`}
        >
          {translate(t, 'budgetToday')}
        </a>
        {' · '}
        <a
          aria-current={query.range === 'week' ? 'page' : undefined}
          href={`${url(BUDGET_PATH)}${queryString(query, { range: 'week' })}`}
        >
          {translate(t, 'budgetWeek')}
        </a>
        {' · '}
        <a href={url(CALENDAR_PATH)}>{translate(t, 'calendarTitle')}</a>
      </nav>
      <form action={url(BUDGET_PATH)} className="newsroom-budget__filters" method="get">
        <input name="range" type="hidden" value={query.range} />
        <label>
          {translate(t, 'budgetDate')}
          <input defaultValue={query.date ?? ''} name="date" type="date" />
        </label>
        {select('section', translate(t, 'budgetSection'), toOptions(sections))}
        {select('stage', translate(t, 'budgetStage'), stageOptions(i18n))}
        {select('person', translate(t, 'budgetPerson'), toOptions(staff))}
        <button className="btn btn--style-secondary btn--size-small" type="submit">
          {translate(t, 'budgetApply')}
        </button>
      </form>
      <p>
        {formatTime(budget.start, language)} – {formatTime(budget.end, language)}
      </p>
      {budget.earlierOverdue.length > 0
        ? table(translate(t, 'budgetEarlierOverdue'), budget.earlierOverdue, 'earlier')
        : null}
      {table(translate(t, 'budgetScheduled'), budget.due, 'due')}
      {table(translate(t, 'budgetUnscheduled'), budget.unscheduled, 'unscheduled')}
    </>,
  )
}
