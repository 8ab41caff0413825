import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`newsroom_changes\` (
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`keys\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_changes_updated_at_idx\` ON \`newsroom_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_changes_created_at_idx\` ON \`newsroom_changes\` (\`created_at\`);`)
  await db.run(sql`DROP TABLE \`newsroom_delivery_state\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`newsroom_delivery_state\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`generation\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`DROP TABLE \`newsroom_changes\`;`)
}
