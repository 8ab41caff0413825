import pino from 'pino'

type LogFields = Record<string, unknown> & { msg: string }

/**
 * Lines are gathered and written together, at most `FLUSH_MS` after the first of them or once
 * `FLUSH_BYTES` have gathered: at thousands of cache hits a second the write to stdout, not the
 * line, is what a log line costs, and a turn of the event loop holds only a few requests.
 * Through `process.stdout`, so anything that reads the process's output (a log shipper, a test)
 * sees them in order; `flushLog` empties the buffer before exit.
 */
const FLUSH_MS = 20
const FLUSH_BYTES = 64 * 1024

let pending = ''
let timer: ReturnType<typeof setTimeout> | undefined

export const flushLog = (): void => {
  if (timer) {
    clearTimeout(timer)
    timer = undefined
  }
  if (pending !== '') {
    const chunk = pending
    pending = ''
    process.stdout.write(chunk)
  }
}

// A process that ends without going through start.ts's shutdown still writes what it gathered.
process.once('exit', flushLog)

const batchedStdout = {
  write: (line: string) => {
    pending += line
    if (pending.length >= FLUSH_BYTES) {
      flushLog()
    } else if (!timer) {
      timer = setTimeout(flushLog, FLUSH_MS)
      timer.unref()
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
