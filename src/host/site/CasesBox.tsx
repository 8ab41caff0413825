import type { DeliveryCase } from 'payload-plugin-newsroom/delivery'

import { showDate } from './formatDate'
import { casePath } from './paths'

/** "good-law" as a reader reads it: "Good law". */
const statusLabel = (status: string): string =>
  `${status[0].toUpperCase()}${status.slice(1).replace(/-/g, ' ')}`

/**
 * The cases the story relies on, each with its citation, where it stands and who decided it
 * when, linked to its page: the story's inline citations name them in passing only.
 */
export const CasesBox = ({ cases }: { cases: DeliveryCase[] }) =>
  cases.length > 0 ? (
    <aside aria-labelledby="story-cases-title" className="cases-box">
      <h2 id="story-cases-title">Cases in this story</h2>
      <ul>
        {cases.map((record) => (
          <li key={String(record.id)}>
            {record.slug ? (
              <a href={casePath(record.slug)}>{record.caption}</a>
            ) : (
              <span>{record.caption}</span>
            )}
            {record.citation ? <span className="citation">, {record.citation}</span> : null}
            <span className="case-facts">
              {record.status ? (
                <span className={`case-status case-status-${record.status}`}>
                  {statusLabel(record.status)}
                </span>
              ) : null}
              {record.decidedAt || record.decidedBy ? (
                <span>
                  {' '}
                  · Decided
                  {record.decidedBy ? ` by ${record.decidedBy}` : null}
                  {record.decidedAt ? (
                    <>
                      {' '}
                      <time dateTime={record.decidedAt}>{showDate(record.decidedAt)}</time>
                    </>
                  ) : null}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  ) : null
