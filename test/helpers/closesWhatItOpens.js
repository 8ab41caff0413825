/* global process, setTimeout */
import fs from 'node:fs'
import path from 'node:path'

import { TestEnvironment } from 'jest-environment-node'

/** How long a suite's servers, sockets and timers get to close after its last hook. */
const SETTLE_MS = 2_000

/** What keeps this worker's event loop alive, counted by kind (e.g. TCPServerWrap: 1). */
const openResources = () => {
  const counts = new Map()
  for (const kind of process.getActiveResourcesInfo()) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  return counts
}

/** What is open now that was not when the suite started. */
const leftOpen = (before) =>
  [...openResources()]
    .map(([kind, count]) => [kind, count - (before.get(kind) ?? 0)])
    .filter(([, extra]) => extra > 0)

/**
 * jest's node environment, which also checks that a suite closes what it opens. A server, socket,
 * child process or timer a suite leaves behind keeps its worker alive: jest later finds that
 * worker "failed to exit gracefully" and kills it, without saying which suite it was. Here the
 * suite is named: one line on stderr, and a record in `.cache/open-handles/` that `.ci/run`
 * prints. The worker is shared by the suites it runs one after another, so only what this suite
 * added counts.
 */
export default class ClosesWhatItOpens extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    // Node opens a worker's standard streams on first use (a suite's Payload start opened
    // stdin): the first suite in a worker to touch one would be charged with a pipe of jest's.
    void process.stdin
    void process.stdout
    void process.stderr
    this.before = openResources()
    this.rootDir = config.projectConfig.rootDir
    this.testPath = path.relative(this.rootDir, context.testPath)
  }

  async teardown() {
    // Counted before jest tears the suite's module registry down: late work of the suite (a
    // pool opening a connection) then still finds its modules, instead of failing the suite
    // with "Cannot read properties of undefined" from a torn-down `net`.
    try {
      await this.countLeftOpen()
    } finally {
      await super.teardown()
    }
  }

  async countLeftOpen() {
    const deadline = Date.now() + SETTLE_MS
    let open = leftOpen(this.before)
    while (open.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50).unref())
      open = leftOpen(this.before)
    }
    if (open.length === 0) {
      return
    }
    const what = open.map(([kind, extra]) => `${kind} ×${extra}`).join(', ')
    const line = `${this.testPath} left open after its last hook: ${what}`
    process.stderr.write(`[open handles] ${line}\n`)
    const folder = path.join(this.rootDir, '.cache', 'open-handles')
    fs.mkdirSync(folder, { recursive: true })
    fs.appendFileSync(path.join(folder, `${process.pid}.txt`), `${line}\n`)
  }
}
