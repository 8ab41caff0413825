/** Every database the plugin runs on stores these; JavaScript's own range is far wider. */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z')
const LATEST = Date.parse('9999-12-31T23:59:59.999Z')

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
  if (!Number.isFinite(time)) {
    return `is not a date: ${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value}`
  }
  if (time < EARLIEST || time > LATEST) {
    return 'is outside the years 1 to 9999'
  }
  return null
}
