/**
 * How the production server is started: `npm start` runs the same (package.json repeats it, and
 * test/bench.test.ts holds the two together), and so do the bench, the load run and
 * the tests that start production instances, so what they measure is what is deployed.
 *
 * `--max-semi-space-size=64`: under thousands of cache hits a second, V8's default 16 MB young
 * generation fills every few milliseconds, and the objects of requests still in flight are
 * promoted to the old generation, where they die but stay until a major GC, which V8 puts off
 * while the heap may grow. The bench measured the server's RSS under the page load at 1.6-1.9x
 * its idle RSS with the default and 1.3x with 64 MB, for about 60 MB more at idle.
 */
export const PRODUCTION_NODE_ARGS = [
  '--max-semi-space-size=64',
  '--conditions=production',
  '--import',
  'tsx',
  'src/host/server/start.ts',
]
