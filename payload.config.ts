import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { emailAdapter } from './src/host/email/emailAdapter'
import { carryOverPeopleAtStart } from './src/host/database/carryOverPeopleAtStart'
import { databaseAdapter } from './src/host/database/database'
import { carryOverTaxonomyMongo } from './src/host/database/taxonomyCarryOverMongo'
import { newsroomPlugin } from 'payload-plugin-newsroom'
import { purgeUrls, varnishPurge } from './src/host/pageCache/varnishPurge'
import { resolvePayloadSecret } from './src/host/secret'
import { allowedOrigins } from './src/host/server/allowedOrigins'
import { relationshipSortGuard } from './src/host/database/refuseRelationshipSorts'
import { mediaStorage } from './src/host/storage/mediaStorage'
import { s3Settings } from './src/host/storage/s3Settings'
import { articlePath, authorPath, casePath, personPath } from './src/host/site/paths'
import { articlePreviewUrl } from './src/host/site/preview'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const production = process.env.NODE_ENV === 'production'
// SERVER_URL's origin and NEWSROOM_ALLOWED_ORIGINS: the pages that may use a signed-in session.
const origins = allowedOrigins()
// S3_BUCKET and friends: media in object storage; a half configuration stops the start here.
const s3 = s3Settings()

export default buildConfig({
  admin: {
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname, 'src') },
    meta: { titleSuffix: ' — Newsroom' },
  },
  // Browsers on these origins may read API answers with credentials (CORS), and a session
  // cookie from any other origin is ignored (CSRF; Payload adds serverURL to this list itself).
  // With neither set, the express server's origin guard still refuses cross-origin writes.
  cors: [...origins],
  csrf: [...origins],
  db: databaseAdapter({
    defaultSqliteFile: path.resolve(dirname, 'data/newsroom.db'),
    migrationsDir: path.resolve(dirname, 'migrations'),
    uri: process.env.DATABASE_URI,
  }),
  editor: lexicalEditor(),
  // SMTP_URL: notifications and password resets go out by SMTP; unset, to the console.
  email: emailAdapter(),
  // MongoDB has no schema migrations: free-text sections and topics become records here at
  // start, as the SQL migrations do. Typed names become people at start on every adapter, after
  // the migrations (the carry-over reads through Payload, with today's columns).
  onInit: async (payload) => {
    await carryOverTaxonomyMongo(payload)
    await carryOverPeopleAtStart(payload)
  },
  graphQL: { schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql') },
  // The admin in English or Spanish, as each editor chooses (Account → Language) or their
  // browser asks; the newsroom plugin carries its own text in both.
  i18n: { supportedLanguages: { en, es } },
  plugins: [
    newsroomPlugin({
      // Varnish in front (varnish/newsroom.vcl) is purged by key on every change it shows.
      cache: purgeUrls().length > 0 ? { onPurge: varnishPurge(purgeUrls()) } : undefined,
      // Every collection here is the newsroom's: its GraphQL limits (and Payload's complexity
      // cap lowered to 500) and its input checks cover Payload's own collections too.
      hardening: { graphQL: true, payloadCollections: true },
      // A cron expression with seconds; tests run the queue every second.
      jobs: { cron: process.env.NEWSROOM_JOBS_CRON || undefined },
      overrides: {
        // The site's pages live in this app: the admin previews a story on its real page.
        articles: {
          admin: {
            livePreview: { url: ({ data }) => articlePreviewUrl(data?.slug) ?? '' },
            preview: (doc) => articlePreviewUrl(doc?.slug as string | undefined),
          },
        },
        media: { upload: { staticDir: path.resolve(dirname, 'media') } },
        // The session cookie travels over https only in production.
        users: { auth: { cookies: { secure: production } } },
      },
      // The logo search engines show with our stories (NewsArticle `publisher.logo`).
      site: {
        articlePath,
        authorPath,
        casePath,
        logo: { height: 60, url: '/logo.png', width: 600 },
        personPath,
      },
    }),
    // After the newsroom plugin, which adds the media collection it stores.
    mediaStorage({ settings: s3 }),
    // Last: a sort a MongoDB-wire server without $lookup cannot run is a 400 on every collection.
    relationshipSortGuard,
  ],
  secret: resolvePayloadSecret(),
  serverURL: process.env.SERVER_URL ?? '',
  sharp,
  typescript: {
    // Written by `npm run generate:types` only: a dev server on MongoDB would otherwise rewrite
    // every id type as a string.
    autoGenerate: false,
    outputFile: path.resolve(dirname, 'src/host/payload-types.ts'),
  },
})
