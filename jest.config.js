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

/**
 * The app's suites: they start servers (express, `next dev`, a production build), drive a
 * browser or build host apps, and take minutes. Every other suite is the plugin's, through the
 * Local API, in seconds: `npm test -- --selectProjects plugin` runs those alone.
 */
const APP_SUITES = [
  'apiCache',
  'app',
  'browserFallback',
  'crashSafety',
  'delivery',
  'embargo',
  'fuzz',
  'headers',
  'hostApp',
  'instances',
  'jobsTwoInstances',
  'limits',
  'load',
  'logLines',
  'metadata',
  'objectStorage',
  'pageCache',
  'preview',
  'production',
  'productionBuild',
  'redirectsSearch',
  's3Settings',
  'server',
  'shutdown',
  'sitePages',
  'slugRedirects',
  'varnish',
  'websiteHost',
]
const appSuite = (name) => `/test/${name}\\.test\\.ts$`

/** What both projects share: how TypeScript is read, and the plugin reached by package name. */
const shared = {
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

const ignored = [
  '/node_modules/',
  '<rootDir>/test/host-app/',
  // The browser suites drive the admin and the site, whose database work the API suites check
  // on every adapter: they run on the SQLite pass alone, which keeps CI within its time.
  ...(sqlite ? [] : ['\\.browser\\.test\\.ts$']),
  // So do the suites of what no adapter takes part in: the server's headers, cookies, drain
  // and request log, preview links, translations, the browser the suites drive, Varnish in
  // front, the benchmark's arguments.
  ...(sqlite ? [] : SERVER_ONLY_SUITES.map((name) => `/test/${name}\\.test\\.ts$`)),
]

const config = {
  projects: [
    {
      ...shared,
      displayName: 'plugin',
      testPathIgnorePatterns: [...ignored, '\\.browser\\.test\\.ts$', ...APP_SUITES.map(appSuite)],
    },
    {
      ...shared,
      displayName: 'app',
      testMatch: [
        '<rootDir>/test/**/*.browser.test.ts',
        ...APP_SUITES.map((name) => `<rootDir>/test/${name}.test.ts`),
      ],
      testPathIgnorePatterns: ignored,
    },
  ],
  // Both projects' suites share the two workers, the heavy ones first whichever project.
  testSequencer: '<rootDir>/test/heavySuitesFirst.js',
  testTimeout: 60_000,
}

export default config
