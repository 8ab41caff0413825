import { waitFor } from './waitFor'

/**
 * Waits until the clock has passed `time` (a Date string or milliseconds): a stamp made after
 * this differs from one made at `time`, so a re-stamp shows. Waits for the clock, not a guess.
 */
export const clockPast = async (time: number | string): Promise<void> => {
  const past = typeof time === 'number' ? time : Date.parse(time)
  if (Number.isNaN(past)) throw new Error(`clockPast: not a time: ${String(time)}`)
  await waitFor(() => Date.now() > past, { intervalMs: 1, what: `the clock to pass ${time}` })
}
