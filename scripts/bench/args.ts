export type BenchOptions = {
  articles: number
  connections: number
  /** Unset: a new SQLite file in a temporary folder. */
  databaseUri: string | undefined
  /** Seconds each scenario is measured for, after its warm-up. */
  duration: number
  /** Keep the temporary folder (database and server log) for a look afterwards. */
  keep: boolean
  /** Where the results are written. */
  output: string
  /** Publishes on another instance timed to each door of the server (the freshness rows). */
  publishes: number
  /** Reuse the existing `.next` build instead of running `npm run build`. */
  skipBuild: boolean
  /** Distinct articles requests are spread over (at most the article count). */
  slugs: number
  /** Seconds of load before each measurement, not counted. */
  warmup: number
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]

  --articles N        synthetic articles to seed (default 1000; 100000 for the large run)
  --duration S        seconds measured per scenario (default 10)
  --warmup S          seconds of unmeasured load before each scenario (default 3)
  --connections N     concurrent connections (default 32)
  --slugs N           distinct articles the requests rotate over (default 500)
  --publishes N       publishes timed until the page, REST and GraphQL show them (default 20)
  --database-uri URI  database to seed (must be empty; default: a new SQLite file; also DATABASE_URI)
  --output FILE       results file (default docs/BENCHMARKS.md)
  --skip-build        reuse the existing .next build
  --keep              keep the temporary folder (database, server log) afterwards
  --help              this text`

const positiveInteger = (flag: string, value: string | undefined): number => {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) {
    throw new Error(`${flag} needs a positive whole number, got "${value ?? ''}"`)
  }
  return number
}

/** Parses `--flag value` and `--flag=value`; unknown flags are an error, not a silent default. */
export const parseBenchArgs = (
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): BenchOptions | 'help' => {
  const options: BenchOptions = {
    articles: 1000,
    connections: 32,
    databaseUri: env.DATABASE_URI || undefined,
    duration: 10,
    keep: false,
    output: 'docs/BENCHMARKS.md',
    publishes: 20,
    skipBuild: false,
    slugs: 500,
    warmup: 3,
  }
  const queue = [...argv]
  while (queue.length > 0) {
    const arg = queue.shift() as string
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = () => inline ?? queue.shift()
    switch (flag) {
      case '--help':
      case '-h':
        return 'help'
      case '--articles':
        options.articles = positiveInteger(flag, value())
        break
      case '--duration':
        options.duration = positiveInteger(flag, value())
        break
      case '--warmup':
        options.warmup = positiveInteger(flag, value())
        break
      case '--connections':
        options.connections = positiveInteger(flag, value())
        break
      case '--slugs':
        options.slugs = positiveInteger(flag, value())
        break
      case '--publishes':
        options.publishes = positiveInteger(flag, value())
        break
      case '--database-uri':
        options.databaseUri = value() || undefined
        break
      case '--output':
        options.output = value() ?? options.output
        break
      case '--keep':
        options.keep = true
        break
      case '--skip-build':
        options.skipBuild = true
        break
      default:
        throw new Error(`unknown option "${arg}"\n\n${BENCH_USAGE}`)
    }
  }
  options.slugs = Math.min(options.slugs, options.articles)
  return options
}
