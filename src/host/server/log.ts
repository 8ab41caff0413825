import pino from 'pino'

type Level = 'error' | 'info' | 'warn'

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

/** Lines logged with `logLater`, not yet made: at most this many wait before they are. */
const MAX_LATER = 512

type LaterLine = { fields: Record<string, unknown>; level: Level; msg: string; time: number }

let pending = ''
let later: LaterLine[] = []
let timer: ReturnType<typeof setTimeout> | undefined
/** The time of the line being made from `later`, for the timestamp; `undefined` otherwise. */
let lineTime: number | undefined

const makeLaterLines = () => {
  if (later.length === 0) {
    return
  }
  const lines = later
  later = []
  for (const { fields, level, msg, time } of lines) {
    lineTime = time
    logger[level](fields, msg)
  }
  lineTime = undefined
}

export const flushLog = (): void => {
  if (timer) {
    clearTimeout(timer)
    timer = undefined
  }
  makeLaterLines()
  if (pending !== '') {
    const chunk = pending
    pending = ''
    process.stdout.write(chunk)
  }
}

// A process that ends without going through start.ts's shutdown still writes what it gathered.
process.once('exit', flushLog)

const flushSoon = () => {
  if (!timer) {
    timer = setTimeout(flushLog, FLUSH_MS)
    timer.unref()
  }
}

const batchedStdout = {
  write: (line: string) => {
    // A line made now comes after the ones logged earlier and made later.
    if (later.length > 0 && lineTime === undefined) {
      makeLaterLines()
    }
    pending += line
    if (pending.length >= FLUSH_BYTES) {
      flushLog()
    } else {
      flushSoon()
    }
  },
}

let isoTimeOf = Number.NaN
let isoTimeField = ''

/**
 * pino's `isoTime`, made once a millisecond (most lines at thousands a second share theirs with
 * the one before), of the time the line was logged, which for `logLater` is before it is made.
 */
const isoTimeByMillisecond = (): string => {
  const now = lineTime ?? Date.now()
  if (now !== isoTimeOf) {
    isoTimeOf = now
    isoTimeField = `,"time":"${new Date(now).toISOString()}"`
  }
  return isoTimeField
}

/**
 * pino, the logger Payload itself uses: one JSON object per line, `level` as its name and `time`
 * as an ISO date, what log shippers and `jq` read without a parser.
 */
export const logger = pino(
  {
    base: undefined,
    formatters: { level: (label) => ({ level: label }) },
    timestamp: isoTimeByMillisecond,
  },
  batchedStdout,
)

export const logLine = (level: Level, { msg, ...fields }: LogFields): void => {
  logger[level](fields, msg)
}

/**
 * Logs a line as `logger[level](fields, msg)` does, with the time of this call, but makes it
 * with the others gathered when they are written, or when any other line is logged, which keeps
 * the order. For the lines of cache hits: the hit does not wait for its line, and pino runs over
 * a few hundred lines at once instead of between requests.
 * `fields` must not change after the call.
 */
export const logLater = (level: Level, fields: Record<string, unknown>, msg: string): void => {
  later.push({ fields, level, msg, time: Date.now() })
  if (later.length >= MAX_LATER) {
    makeLaterLines()
  }
  flushSoon()
}
