/** Every database the plugin runs on stores these; JavaScript's own range is far wider. */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z')
const LATEST = Date.parse('9999-12-31T23:59:59.999Z')

/** ISO 8601 as Payload's admin and clients send it: a date, optionally a time and a zone. */
const ISO_DATE =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * JavaScript reads "1" as 2001-01-01 and "2020-02-30" as 2020-03-01: a date written as text must
 * be ISO 8601 and name a day its month has.
 */
const textProblem = (text: string): null | string => {
  const parts = ISO_DATE.exec(text.trim())
  if (!parts) {
    return `is not an ISO 8601 date (e.g. 2018-06-11 or 2018-06-11T12:00:00.000Z): ${JSON.stringify(text.slice(0, 80))}`
  }
  const [year, month, day] = parts.slice(1, 4).map(Number)
  const calendar = new Date(Date.UTC(2000, month - 1, day))
  calendar.setUTCFullYear(year)
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return `is not a day of the calendar: ${JSON.stringify(text.slice(0, 80))}`
  }
  return null
}

/**
 * Why a value cannot be stored or compared as a date, or null when it can: a Date, an ISO
 * string or a timestamp in milliseconds, in the years 1 to 9999. A stored "x" would make every
 * later read of the record fail ("Invalid time value").
 */
export const dateProblem = (value: unknown): null | string => {
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string'
        ? Date.parse(value)
        : typeof value === 'number'
          ? value
          : Number.NaN
  const text = typeof value === 'string' ? textProblem(value) : null
  if (text) {
    return text
  }
  if (!Number.isFinite(time)) {
    return `is not a date: ${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value}`
  }
  if (time < EARLIEST || time > LATEST) {
    return 'is outside the years 1 to 9999'
  }
  return null
}
