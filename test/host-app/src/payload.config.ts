import type { CollectionConfig } from 'payload'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { newsroomPlugin } from 'payload-plugin-newsroom'
import sharp from 'sharp'

/**
 * A fresh host, made like Payload's blank template, with the newsroom plugin installed from its
 * tarball and nothing else. HOST_OWN_MEDIA=1 makes the second host: one that already had its
 * own `media` collection before installing the plugin.
 */

const dirname = path.dirname(fileURLToPath(import.meta.url))
const ownMedia = process.env.HOST_OWN_MEDIA === '1'

// The host's own accounts: the plugin must keep them and only add what it needs.
const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email' },
  auth: true,
  fields: [{ name: 'phone', type: 'text' }],
}

// The second host's own uploads, with a field of its own the plugin must leave in place.
const Media: CollectionConfig = {
  slug: 'media',
  access: { read: () => true },
  fields: [{ name: 'photographer', type: 'text' }],
  // As the blank template: files go to ./media, relative to where the host runs.
  upload: true,
}

export default buildConfig({
  admin: {
    // Payload's default avatar is fetched from gravatar; this host has no network.
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname) },
    user: Users.slug,
  },
  collections: ownMedia ? [Users, Media] : [Users],
  db: sqliteAdapter({
    client: { url: process.env.DATABASE_URI || '' },
    // Production never changes tables by itself. Each schema has its migrations (the hosts differ
    // by the media collection), made with `payload migrate:create` by test/hostApp.test.ts.
    migrationDir: path.resolve(dirname, ownMedia ? 'migrations-own-media' : 'migrations'),
  }),
  editor: lexicalEditor(),
  plugins: [newsroomPlugin()],
  secret: process.env.PAYLOAD_SECRET || '',
  sharp,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
