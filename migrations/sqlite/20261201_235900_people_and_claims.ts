import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // Hand-edited: drizzle's ADD COLUMN drops the ON DELETE of a reference, and the next schema
  // comparison then rebuilds the table; added here, the columns read as a table created with them.
  await db.run(sql`CREATE TABLE \`cases_parties\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`role\` text DEFAULT 'claimant' NOT NULL,
  	\`person_id\` integer NOT NULL,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cases_parties_order_idx\` ON \`cases_parties\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cases_parties_parent_id_idx\` ON \`cases_parties\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_parties_person_idx\` ON \`cases_parties\` (\`person_id\`);`)
  await db.run(sql`CREATE TABLE \`people_positions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`organization\` text,
  	\`from\` text,
  	\`to\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`people_positions_order_idx\` ON \`people_positions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`people_positions_parent_id_idx\` ON \`people_positions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`people_links\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`people_links_order_idx\` ON \`people_links\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`people_links_parent_id_idx\` ON \`people_links\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`people\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`in_live_story\` integer DEFAULT false,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'source' NOT NULL,
  	\`user_id\` integer,
  	\`bio\` text,
  	\`photo_id\` integer,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`people_in_live_story_idx\` ON \`people\` (\`in_live_story\`);`)
  await db.run(sql`CREATE INDEX \`people_name_idx\` ON \`people\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`people_slug_idx\` ON \`people\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`people_kind_idx\` ON \`people\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`people_user_idx\` ON \`people\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`people_photo_idx\` ON \`people\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`people_updated_at_idx\` ON \`people\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`people_created_at_idx\` ON \`people\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`in_live_story\` integer DEFAULT false,
  	\`label\` text,
  	\`text\` text NOT NULL,
  	\`claimant_id\` integer,
  	\`claimed_at\` text,
  	\`appearance\` text,
  	\`source_url\` text,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`claimant_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`claims_in_live_story_idx\` ON \`claims\` (\`in_live_story\`);`)
  await db.run(sql`CREATE INDEX \`claims_claimant_idx\` ON \`claims\` (\`claimant_id\`);`)
  await db.run(sql`CREATE INDEX \`claims_updated_at_idx\` ON \`claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`claims_created_at_idx\` ON \`claims\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`articles_bylines\` ADD \`person_id\` integer REFERENCES people(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`articles_bylines_person_idx\` ON \`articles_bylines\` (\`person_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_claim_id\` integer REFERENCES claims(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_rating\` text;`)
  await db.run(sql`CREATE INDEX \`articles_fact_check_fact_check_claim_idx\` ON \`articles\` (\`fact_check_claim_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_version_bylines\` ADD \`person_id\` integer REFERENCES people(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_bylines_person_idx\` ON \`_articles_v_version_bylines\` (\`person_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_claim_id\` integer REFERENCES claims(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_rating\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_fact_check_version_fact_check_claim_idx\` ON \`_articles_v\` (\`version_fact_check_claim_id\`);`)
  await db.run(sql`ALTER TABLE \`quotes\` ADD \`speaker_person_id\` integer REFERENCES people(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`quotes_speaker_speaker_person_idx\` ON \`quotes\` (\`speaker_person_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`people_id\` integer REFERENCES people(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`claims_id\` integer REFERENCES claims(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_people_id_idx\` ON \`payload_locked_documents_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`claims_id\`);`)
  // Speakers, credits, staff bylines and case parties typed before people were records become
  // people at start-up, after the migrations (carryOverPeopleAtStart in payload.config.ts): the
  // carry-over reads through Payload, which asks for every column today's config has.
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  // Hand-written: SQLite drops a column that references another table once its index is gone,
  // so no shared table is rebuilt (a rebuild from this migration's snapshot would lose the
  // columns later migrations added).
  const dropColumns: [table: string, index: null | string, columns: string[]][] = [
    ['articles_bylines', 'articles_bylines_person_idx', ['person_id']],
    ['articles', 'articles_fact_check_fact_check_claim_idx', ['fact_check_claim_id', 'fact_check_rating']],
    ['_articles_v_version_bylines', '_articles_v_version_bylines_person_idx', ['person_id']],
    [
      '_articles_v',
      '_articles_v_version_fact_check_version_fact_check_claim_idx',
      ['version_fact_check_claim_id', 'version_fact_check_rating'],
    ],
    ['quotes', 'quotes_speaker_speaker_person_idx', ['speaker_person_id']],
    ['payload_locked_documents_rels', 'payload_locked_documents_rels_people_id_idx', ['people_id']],
    ['payload_locked_documents_rels', 'payload_locked_documents_rels_claims_id_idx', ['claims_id']],
  ]
  for (const [table, index, columns] of dropColumns) {
    if (index) {
      await db.run(sql.raw(`DROP INDEX IF EXISTS \`${index}\`;`))
    }
    for (const column of columns) {
      await db.run(sql.raw(`ALTER TABLE \`${table}\` DROP COLUMN \`${column}\`;`))
    }
  }
  await db.run(sql`DROP TABLE \`claims\`;`)
  await db.run(sql`DROP TABLE \`cases_parties\`;`)
  await db.run(sql`DROP TABLE \`people_positions\`;`)
  await db.run(sql`DROP TABLE \`people_links\`;`)
  await db.run(sql`DROP TABLE \`people\`;`)
}
