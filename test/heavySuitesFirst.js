import TestSequencer from '@jest/test-sequencer'

/**
 * The suites that take a minute or more (measured in `.ci/run`'s passes), longest first. jest
 * orders by the times it remembers, but CI starts on a clean machine, where it orders by file
 * size: a long suite started last ran alone at the end of a pass while the other worker idled
 * (websiteHost, two and a half minutes of the PostgreSQL pass). Starting them first lets the
 * short ones fill both workers to the end.
 */
const HEAVY = [
  'websiteHost',
  'hostApp',
  'sitePages',
  'crashSafety',
  'app',
  'load',
  'security',
  'headers',
  'objectStorage',
  'newsroomDay.browser',
  'fuzz',
  'sections.browser',
  'editor.browser',
  'varnish',
  'limits',
  'jobsTwoInstances',
  'instances',
]

const rank = (path) => {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.test\.ts$/, '')
  const index = HEAVY.indexOf(name)
  return index === -1 ? HEAVY.length : index
}

export default class HeavySuitesFirst extends TestSequencer {
  sort(tests) {
    // jest's own order (failed first, then the remembered times or file size), heavy ones moved
    // ahead; Array.prototype.sort is stable, so the rest keep jest's order.
    return [...super.sort(tests)].sort((a, b) => rank(a.path) - rank(b.path))
  }
}
