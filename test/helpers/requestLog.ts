import { jest } from '@jest/globals'

import { flushLog } from '../../src/host/server/log'
import { waitFor } from './waitFor'

/** A request line as the server writes it (requestLogger and logRawAnswer). */
export type RequestLogEntry = Record<string, unknown> & { msg: 'request' }

type LogEntry = Record<string, unknown>

const parse = (chunks: string[]): LogEntry[] =>
  chunks
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogEntry)

/**
 * The JSON lines this process writes to stdout while `act` runs and until `until` holds of them,
 * parsed. Lines are gathered and written up to 20 ms later (src/host/server/log.ts): what earlier
 * lines left gathered is written out before listening starts. With `flush`, each look for `until`
 * writes out what is gathered; without, only what the log wrote by itself is seen. With no
 * `until`, listening stops when `act` does.
 */
export const captureLogLines = async (
  act: () => Promise<void>,
  {
    flush,
    until,
    what = 'the log lines awaited',
  }: { flush: boolean; until?: (entries: LogEntry[]) => boolean; what?: string },
): Promise<LogEntry[]> => {
  flushLog()
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk))
    return true
  })
  try {
    await act()
    if (until) {
      await waitFor(
        () => {
          if (flush) flushLog()
          const entries = parse(chunks)
          return until(entries) && entries
        },
        { what, timeoutMs: 5000, intervalMs: 10 },
      )
    }
  } finally {
    spy.mockRestore()
  }
  return parse(chunks)
}

const isRequest = (entry: LogEntry): entry is RequestLogEntry => entry.msg === 'request'

/**
 * The request lines this process writes to stdout while `act` runs, parsed, once `lines` of them
 * are written: a line is made when the response closes, which can trail the client by a tick.
 * With `lines` 0 nothing is awaited, so `act` itself waits for whatever would have logged one.
 */
export const captureRequestLog = async (
  act: () => Promise<void>,
  { lines }: { lines: number },
): Promise<RequestLogEntry[]> =>
  (
    await captureLogLines(act, {
      flush: true,
      until: (entries) => entries.filter(isRequest).length >= lines,
      what: `${lines} request lines`,
    })
  ).filter(isRequest)
