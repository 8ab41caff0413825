/** A read's paging as a client sent it: REST query parameters or GraphQL arguments. */
export type ReadPaging = { limit?: unknown; pagination?: unknown }

const isFalse = (value: unknown): boolean => value === false || value === 'false'

/**
 * Why a read may return more than `max` documents, or null when it may not. Payload reads every
 * document for `limit: 0`, and for `pagination: false` without a limit, so both are refused.
 */
export const readLimitProblem = ({ limit, pagination }: ReadPaging, max: number): null | string => {
  const expected = `limit must be a whole number from 1 to ${max} (the limits.maxLimit option)`
  if (limit === undefined || limit === null) {
    return isFalse(pagination) ? `${expected}: pagination=false without one reads everything` : null
  }
  const value = typeof limit === 'string' && limit.trim() !== '' ? Number(limit) : limit
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    return `${expected}, not ${JSON.stringify(limit)}`
  }
  return null
}
