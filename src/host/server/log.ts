import pino from 'pino'

type LogFields = Record<string, unknown> & { msg: string }

/**
 * Lines are gathered and written once per turn of the event loop: one write for a burst of
 * requests instead of one each, which is most of what a log line costs at thousands of requests
 * a second. Through `process.stdout`, so anything that reads the process's output (a log
 * shipper, a test) sees them in order; `flushLog` empties the buffer before exit.
 */
let pending = ''
let scheduled = false

export const flushLog = (): void => {
  scheduled = false
  if (pending !== '') {
    const chunk = pending
    pending = ''
    process.stdout.write(chunk)
  }
}

const batchedStdout = {
  write: (line: string) => {
    pending += line
    if (!scheduled) {
      scheduled = true
      setImmediate(flushLog)
    }
  },
}

/**
 * pino, the logger Payload itself uses: one JSON object per line, `level` as its name and `time`
 * as an ISO date, what log shippers and `jq` read without a parser.
 */
export const logger = pino(
  {
    base: undefined,
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  batchedStdout,
)

export const logLine = (level: 'error' | 'info' | 'warn', { msg, ...fields }: LogFields): void => {
  logger[level](fields, msg)
}
