import { describe } from '@jest/globals'

import { databaseKind, type DatabaseKind } from '../../src/host/database/database'

/** Something a suite needs that `npm ci` does not give: a system program, a server, a pass. */
export type RequiredService = {
  /** Whether this machine has it, decided when the suite's tests are collected. */
  available: boolean
  /**
   * True for what CI has on one of its passes only (a database): a suite skipped on the other
   * passes still runs on that one, so CI skips it there too instead of failing, whatever else
   * is missing on this pass.
   */
  ciRunsItOnAnotherPass?: boolean
  /** How to get it: "apt-get install varnish varnish-modules, or run .ci/run". */
  howToGet: string
  /** What is missing, as one clause: "varnishd with varnish-modules (xkey) is not installed". */
  missing: string
}

/** `.ci/run` exports CI=true; most CI systems set CI to something, and CI=0 or false is off. */
const underCi = () => !['', '0', 'false'].includes(process.env.CI ?? '')

const DATABASE_NAMES: Record<DatabaseKind, string> = {
  mongodb: 'MongoDB',
  postgres: 'PostgreSQL',
  sqlite: 'SQLite',
}

const HOW_TO_RUN_ON: Record<DatabaseKind, string> = {
  mongodb: 'run npm test with DATABASE_URI=mongodb://host:port/database, or run .ci/run',
  postgres:
    'run npm test with DATABASE_URI=postgres://user:password@host:5432/database, or run .ci/run',
  sqlite: 'run npm test with DATABASE_URI unset (SQLite), or run .ci/run',
}

/** The database pass a suite runs on: DATABASE_URI must name that kind of database. */
export const databasePass = (kind: DatabaseKind, why?: string): RequiredService => {
  const current = databaseKind(process.env.DATABASE_URI)
  return {
    available: current === kind,
    ciRunsItOnAnotherPass: true,
    howToGet: HOW_TO_RUN_ON[kind],
    missing:
      `it runs on ${DATABASE_NAMES[kind]} only${why ? ` (${why})` : ''} ` +
      `and DATABASE_URI names ${DATABASE_NAMES[current]}`,
  }
}

/**
 * Whether a suite's tests run here. Every service available: true. One missing: the suite is
 * skipped with ONE line on stderr naming what is missing and how to get it (stderr rather
 * than console.warn, which jest prints with a stack of its own); but under CI, where `.ci/run`
 * provides every service, a missing one is a broken run, so this throws and jest reports the
 * suite as failed to run. A database another CI pass runs on is never required.
 */
export const servicesAvailable = (suite: string, ...services: RequiredService[]): boolean => {
  const missing = services.filter((service) => !service.available)
  if (missing.length === 0) {
    return true
  }
  const otherPass = missing.some((service) => service.ciRunsItOnAnotherPass)
  if (underCi() && !otherPass) {
    throw new Error(
      `${suite}: required under CI (CI=${process.env.CI}), but ` +
        missing.map((service) => `${service.missing}: ${service.howToGet}`).join('; '),
    )
  }
  process.stderr.write(
    `${suite}: skipped, ${missing.map((service) => `${service.missing}: ${service.howToGet}`).join('; ')}\n`,
  )
  return false
}

/**
 * `describe` where the suite's services are available, `describe.skip` (its tests reported as
 * skipped, never as passed) with the one line printed where one is not; see servicesAvailable.
 */
export const describeWithService = (
  suite: string,
  ...services: RequiredService[]
): typeof describe | typeof describe.skip =>
  servicesAvailable(suite, ...services) ? describe : describe.skip
