/* global process */
/** Every suite runs against a real database: DATABASE_URI picks it, unset means SQLite. */
const uri = process.env.DATABASE_URI ?? ''
const sqlite = uri === '' || uri.startsWith('file:')

/** Suites whose subject is the same on every database: run on the SQLite pass alone. */
const SERVER_ONLY_SUITES = [
  // The README's `npm run dev` on the embedded default; every adapter's schema push is what
  // each Local API suite starts with, and pages on PostgreSQL and MongoDB are sitePages' subject.
  'app',
  'bench',
  'browserFallback',
  'discussionThreads',
  'headers',
  // The bench's hook measurement, on the bench's own seeder (SQL written directly).
  'hookShare',
  'i18n',
  // Body size, timeouts and GraphQL cost are refused before any database is reached.
  'limits',
  'logLines',
  'preview',
  'productionBuild',
  'server',
  'shutdown',
  'varnish',
]

const config = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    // The app reaches the plugin by package name, as any host does; here that is the source.
    '^payload-plugin-newsroom$': '<rootDir>/src/index.ts',
    '^payload-plugin-newsroom/(.*)$': '<rootDir>/src/exports/$1.ts',
  },
  // dist/package is the assembled package (scripts/build-plugin.sh): a second package.json
  // named as this one, which jest's module map would report as a naming collision.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  rootDir: '.',
  testEnvironment: '<rootDir>/test/helpers/closesWhatItOpens.js',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/host-app/',
    // The browser suites drive the admin and the site, whose database work the API suites check
    // on every adapter: they run on the SQLite pass alone, which keeps CI within its time.
    ...(sqlite ? [] : ['\\.browser\\.test\\.ts$']),
    // So do the suites of what no adapter takes part in: the server's headers, cookies, drain
    // and request log, preview links, translations, the browser the suites drive, Varnish in
    // front, the benchmark's arguments.
    ...(sqlite ? [] : SERVER_ONLY_SUITES.map((name) => `/test/${name}\\.test\\.ts$`)),
  ],
  testSequencer: '<rootDir>/test/heavySuitesFirst.js',
  testTimeout: 60_000,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'es6' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
}

export default config
