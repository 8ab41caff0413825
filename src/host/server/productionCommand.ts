/**
 * How the production server is started: `npm start` runs the same (package.json repeats it, and
 * test/bench.test.ts holds the two together), and so do the bench, the load run and the tests
 * that start production instances, so what they measure is what is deployed.
 *
 * `--heap-growing-percent=50`: V8 lets the old generation grow to as much as four times what
 * survived the last full collection before it collects again. A server whose live heap is
 * steady (Payload, Next and bounded caches: about 220 MB) then carries hundreds of megabytes of
 * dead render and request objects under load: the bench measured its RSS under the page load at
 * 1.6-1.9x idle (1,000 articles) and 1.9x (100,000). Collecting once it has grown by half keeps
 * it near 1.2x, with no measured cost in throughput.
 */
export const PRODUCTION_NODE_ARGS = [
  '--heap-growing-percent=50',
  '--conditions=production',
  '--import',
  'tsx',
  'src/host/server/start.ts',
]
