import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`sections\` ADD \`navigation_position\` numeric;`)
  await db.run(sql`CREATE INDEX \`sections_navigation_position_idx\` ON \`sections\` (\`navigation_position\`);`)
  await db.run(sql`ALTER TABLE \`search\` ADD \`text\` text;`)
  // Stories indexed before the search text existed get theirs at start-up, after the
  // migrations (carryOverSearchTextAtStart): the carry-over reads through Payload.
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`sections_navigation_position_idx\`;`)
  await db.run(sql`ALTER TABLE \`sections\` DROP COLUMN \`navigation_position\`;`)
  await db.run(sql`ALTER TABLE \`search\` DROP COLUMN \`text\`;`)
}
