import { jest } from '@jest/globals'

import { flushLog } from '../../src/host/server/log'

/** A request line as the server writes it (requestLogger and logRawAnswer). */
export type RequestLogEntry = Record<string, unknown> & { msg: 'request' }

/**
 * The request lines this process writes to stdout while `act` runs, parsed. Lines are gathered
 * and written up to 20 ms later (src/host/server/log.ts): what earlier requests left gathered is
 * written out before listening starts, and what `act`'s requests gathered before it stops.
 */
export const captureRequestLog = async (act: () => Promise<void>): Promise<RequestLogEntry[]> => {
  flushLog()
  const lines: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk))
    return true
  })
  try {
    await act()
    // A line is made when the response closes, which can trail the client by a tick.
    await new Promise((resolve) => setTimeout(resolve, 50))
    flushLog()
  } finally {
    spy.mockRestore()
  }
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry): entry is RequestLogEntry => entry.msg === 'request')
}
