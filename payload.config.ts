import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { databaseAdapter } from './src/host/database/database'
import { newsroomPlugin } from 'payload-plugin-newsroom'
import { purgeUrls, varnishPurge } from './src/host/pageCache/varnishPurge'
import { resolvePayloadSecret } from './src/host/secret'
import { allowedOrigins } from './src/host/server/allowedOrigins'
import { articlePath, casePath } from './src/host/site/paths'
import { articlePreviewUrl } from './src/host/site/preview'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const production = process.env.NODE_ENV === 'production'
// SERVER_URL's origin and NEWSROOM_ALLOWED_ORIGINS: the pages that may use a signed-in session.
const origins = allowedOrigins()

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
  graphQL: { schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql') },
  plugins: [
    newsroomPlugin({
      // Varnish in front (varnish/newsroom.vcl) is purged by key on every change it shows.
      cache: purgeUrls().length > 0 ? { onPurge: varnishPurge(purgeUrls()) } : undefined,
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
      site: { articlePath, casePath, logo: { height: 60, url: '/logo.png', width: 600 } },
    }),
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
