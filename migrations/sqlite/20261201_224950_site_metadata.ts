import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { carryOverLegacySeoSql } from 'payload-plugin-newsroom'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`meta_image_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`revised_at\` text;`)
  await db.run(sql`CREATE INDEX \`articles_meta_meta_image_idx\` ON \`articles\` (\`meta_image_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_meta_image_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_revised_at\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_meta_version_meta_image_idx\` ON \`_articles_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`meta_image_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`cases_meta_meta_image_idx\` ON \`cases\` (\`meta_image_id\`);`)
  // The old seo group's values move to plugin-seo's meta fields once every new column exists,
  // before the old columns go.
  await carryOverLegacySeoSql((statement) => db.run(sql.raw(statement)))
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`seo_title\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`seo_description\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_seo_title\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_seo_description\`;`)
}

// Hand-edited: drizzle wrote the down migration as a rebuild of articles, _articles_v and cases
// (the `__new_<table>` copy pattern), which would clash with every other branch's changes to
// those shared tables. Plain ALTER TABLE statements instead. SQLite cannot drop a column that a
// foreign key names, so the three `meta_image_id` columns stay (unused) after a down.
export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`seo_title\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`seo_description\` text;`)
  await db.run(sql`UPDATE \`articles\` SET \`seo_title\` = \`meta_title\`, \`seo_description\` = \`meta_description\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`meta_title\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`meta_description\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`revised_at\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_seo_title\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_seo_description\` text;`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_seo_title\` = \`version_meta_title\`, \`version_seo_description\` = \`version_meta_description\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_meta_title\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_meta_description\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_revised_at\`;`)
  await db.run(sql`ALTER TABLE \`cases\` DROP COLUMN \`meta_title\`;`)
  await db.run(sql`ALTER TABLE \`cases\` DROP COLUMN \`meta_description\`;`)
}
