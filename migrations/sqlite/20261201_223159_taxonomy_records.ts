import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import {
  carryOverTaxonomySql,
  restoreTaxonomyTextSql,
  type SqlIo,
} from '../../src/host/database/taxonomyCarryOver'

// Sections and topics become records. The foreign keys spell out the ON DELETE rules drizzle's
// schema has (its generator left them out, and a later push would rebuild the tables for them).
// Every statement on the shared tables is an ALTER TABLE
// (ADD, or DROP COLUMN once the values are carried over), never a rebuild; the old free-text
// values become records and references before their columns and tables go.
const io = (db: MigrateUpArgs['db']): SqlIo => ({
  query: async (statement) => (await db.all(statement as never)) as Record<string, unknown>[],
  sql: sql as unknown as SqlIo['sql'],
})

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sections\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sections_name_idx\` ON \`sections\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`sections_slug_idx\` ON \`sections\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sections_updated_at_idx\` ON \`sections\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sections_created_at_idx\` ON \`sections\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_name_idx\` ON \`topics\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`DROP INDEX \`articles_section_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`section_id\` integer REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section_id\`);`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_section_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_section_id\` integer REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section_id\`);`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`topics_id\` integer REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`articles_rels_topics_id_idx\` ON \`articles_rels\` (\`topics_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`topics_id\` integer REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_topics_id_idx\` ON \`_articles_v_rels\` (\`topics_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sections_id\` integer REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`topics_id\` integer REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await carryOverTaxonomySql(io(db), { payload, req })
  await db.run(sql`DROP TABLE \`articles_texts\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_texts\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`section\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_section\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_texts_order_parent\` ON \`articles_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_texts_parent_idx\` ON \`articles_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_texts_order_parent\` ON \`_articles_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_texts_parent_idx\` ON \`_articles_v_texts\` (\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`section\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_section\` text;`)
  // Names back into the old columns and rows before the references go.
  await restoreTaxonomyTextSql(io(db))
  // Drizzle would rebuild the shared tables here; ALTER TABLE ... DROP COLUMN does the same job.
  await db.run(sql`DROP INDEX \`articles_section_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`section_id\`;`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section\`);`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_section_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_section_id\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section\`);`)
  await db.run(sql`DROP INDEX \`articles_rels_topics_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles_rels\` DROP COLUMN \`topics_id\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_rels_topics_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` DROP COLUMN \`topics_id\`;`)
  await db.run(sql`DROP INDEX \`payload_locked_documents_rels_sections_id_idx\`;`)
  await db.run(sql`DROP INDEX \`payload_locked_documents_rels_topics_id_idx\`;`)
  await db.run(sql`DELETE FROM \`payload_locked_documents_rels\` WHERE \`sections_id\` IS NOT NULL OR \`topics_id\` IS NOT NULL;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` DROP COLUMN \`sections_id\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` DROP COLUMN \`topics_id\`;`)
  await db.run(sql`DROP TABLE \`sections\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
}
