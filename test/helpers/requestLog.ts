import { jest } from '@jest/globals'

import { flushLog } from '../../src/host/server/log'

/** A request line as the server writes it (requestLogger and logRawAnswer). */
export type RequestLogEntry = Record<string, unknown> & { msg: 'request' }

/**
 * The JSON lines this process writes to stdout while `act` runs, parsed. Lines are gathered and
 * written up to 20 ms later (src/host/server/log.ts): what earlier lines left gathered is written
 * out before listening starts. With `flushAtEnd`, what `act` gathered is written out before it
 * stops; without, only what the log wrote by itself is seen.
 */
export const captureLogLines = async (
  act: () => Promise<void>,
  { flushAtEnd }: { flushAtEnd: boolean },
): Promise<Record<string, unknown>[]> => {
  flushLog()
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk))
    return true
  })
  try {
    await act()
    if (flushAtEnd) {
      // A line is made when the response closes, which can trail the client by a tick.
      await new Promise((resolve) => setTimeout(resolve, 50))
      flushLog()
    }
  } finally {
    spy.mockRestore()
  }
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** The request lines this process writes to stdout while `act` runs, parsed. */
export const captureRequestLog = async (act: () => Promise<void>): Promise<RequestLogEntry[]> =>
  (await captureLogLines(act, { flushAtEnd: true })).filter(
    (entry): entry is RequestLogEntry => entry.msg === 'request',
  )
