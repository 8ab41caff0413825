import { jest } from '@jest/globals'

/** A request line as the server writes it (requestLogger and logRawAnswer). */
export type RequestLogEntry = Record<string, unknown> & { msg: 'request' }

/**
 * The request lines this process writes to stdout while `act` runs, parsed. Lines are gathered
 * and written up to 20 ms after the response (src/host/server/log.ts), so it waits a little
 * longer than that before it stops listening.
 */
export const captureRequestLog = async (act: () => Promise<void>): Promise<RequestLogEntry[]> => {
  const lines: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk))
    return true
  })
  try {
    await act()
    await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    spy.mockRestore()
  }
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry): entry is RequestLogEntry => entry.msg === 'request')
}
