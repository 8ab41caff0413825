import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { carryOverPeople } from 'payload-plugin-newsroom'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
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
  // people (the same name once), linked where they were typed; the typed text stays. One data
  // function for every adapter: MongoDB runs it at start-up (payload.config.ts).
  await carryOverPeople({ payload, req })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Only the way down rebuilds tables: SQLite cannot drop a column that references another
  // table. The way up only adds columns, so it merges with other branches' migrations.
  // Foreign keys stay off for the whole way down: a table dropped while they are on takes its
  // child rows with it (drizzle turns them back on after its first rebuild).
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles_bylines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`credit\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles_bylines\`("_order", "_parent_id", "id", "author_id", "credit") SELECT "_order", "_parent_id", "id", "author_id", "credit" FROM \`articles_bylines\`;`)
  await db.run(sql`DROP TABLE \`articles_bylines\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles_bylines\` RENAME TO \`articles_bylines\`;`)
  await db.run(sql`CREATE INDEX \`articles_bylines_order_idx\` ON \`articles_bylines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_bylines_parent_id_idx\` ON \`articles_bylines\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_bylines_author_idx\` ON \`articles_bylines\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`dek\` text,
  	\`slug\` text,
  	\`dateline\` text,
  	\`hero_image_id\` integer,
  	\`hero_caption\` text,
  	\`hero_credit\` text,
  	\`body\` text,
  	\`seo_title\` text,
  	\`seo_description\` text,
  	\`stage\` text DEFAULT 'drafting',
  	\`editorial_notes\` text,
  	\`section\` text,
  	\`published_at\` text,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "headline", "dek", "slug", "dateline", "hero_image_id", "hero_caption", "hero_credit", "body", "seo_title", "seo_description", "stage", "editorial_notes", "section", "published_at", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "headline", "dek", "slug", "dateline", "hero_image_id", "hero_caption", "hero_credit", "body", "seo_title", "seo_description", "stage", "editorial_notes", "section", "published_at", "first_published_at", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_hero_hero_image_idx\` ON \`articles\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_stage_idx\` ON \`articles\` (\`stage\`);`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_first_published_at_idx\` ON \`articles\` (\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_version_bylines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`credit\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_version_bylines\`("_order", "_parent_id", "id", "author_id", "credit", "_uuid") SELECT "_order", "_parent_id", "id", "author_id", "credit", "_uuid" FROM \`_articles_v_version_bylines\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_bylines\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_version_bylines\` RENAME TO \`_articles_v_version_bylines\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_bylines_order_idx\` ON \`_articles_v_version_bylines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_bylines_parent_id_idx\` ON \`_articles_v_version_bylines\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_bylines_author_idx\` ON \`_articles_v_version_bylines\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_headline\` text,
  	\`version_dek\` text,
  	\`version_slug\` text,
  	\`version_dateline\` text,
  	\`version_hero_image_id\` integer,
  	\`version_hero_caption\` text,
  	\`version_hero_credit\` text,
  	\`version_body\` text,
  	\`version_seo_title\` text,
  	\`version_seo_description\` text,
  	\`version_stage\` text DEFAULT 'drafting',
  	\`version_editorial_notes\` text,
  	\`version_section\` text,
  	\`version_published_at\` text,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_headline", "version_dek", "version_slug", "version_dateline", "version_hero_image_id", "version_hero_caption", "version_hero_credit", "version_body", "version_seo_title", "version_seo_description", "version_stage", "version_editorial_notes", "version_section", "version_published_at", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_headline", "version_dek", "version_slug", "version_dateline", "version_hero_image_id", "version_hero_caption", "version_hero_credit", "version_body", "version_seo_title", "version_seo_description", "version_stage", "version_editorial_notes", "version_section", "version_published_at", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_hero_version_hero_image_idx\` ON \`_articles_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_stage_idx\` ON \`_articles_v\` (\`version_stage\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_first_published_at_idx\` ON \`_articles_v\` (\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_quotes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`in_live_story\` integer DEFAULT false,
  	\`label\` text,
  	\`text\` text NOT NULL,
  	\`speaker_name\` text NOT NULL,
  	\`speaker_title\` text,
  	\`speaker_organization\` text,
  	\`medium\` text DEFAULT 'interview' NOT NULL,
  	\`source_outlet\` text,
  	\`said_at\` text,
  	\`source_url\` text,
  	\`verification_status\` text DEFAULT 'unverified' NOT NULL,
  	\`verification_verified_by_id\` integer,
  	\`verification_verified_at\` text,
  	\`verification_notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`verification_verified_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_quotes\`("id", "in_live_story", "label", "text", "speaker_name", "speaker_title", "speaker_organization", "medium", "source_outlet", "said_at", "source_url", "verification_status", "verification_verified_by_id", "verification_verified_at", "verification_notes", "updated_at", "created_at") SELECT "id", "in_live_story", "label", "text", "speaker_name", "speaker_title", "speaker_organization", "medium", "source_outlet", "said_at", "source_url", "verification_status", "verification_verified_by_id", "verification_verified_at", "verification_notes", "updated_at", "created_at" FROM \`quotes\`;`)
  await db.run(sql`DROP TABLE \`quotes\`;`)
  await db.run(sql`ALTER TABLE \`__new_quotes\` RENAME TO \`quotes\`;`)
  await db.run(sql`CREATE INDEX \`quotes_in_live_story_idx\` ON \`quotes\` (\`in_live_story\`);`)
  await db.run(sql`CREATE INDEX \`quotes_speaker_speaker_name_idx\` ON \`quotes\` (\`speaker_name\`);`)
  await db.run(sql`CREATE INDEX \`quotes_verification_verification_status_idx\` ON \`quotes\` (\`verification_status\`);`)
  await db.run(sql`CREATE INDEX \`quotes_verification_verification_verified_by_idx\` ON \`quotes\` (\`verification_verified_by_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_updated_at_idx\` ON \`quotes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes_created_at_idx\` ON \`quotes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`quotes_id\` integer,
  	\`cases_id\` integer,
  	\`related_stories_id\` integer,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quotes_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`related_stories_id\`) REFERENCES \`related_stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "quotes_id", "cases_id", "related_stories_id", "users_id", "media_id") SELECT "id", "order", "parent_id", "path", "articles_id", "quotes_id", "cases_id", "related_stories_id", "users_id", "media_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_quotes_id_idx\` ON \`payload_locked_documents_rels\` (\`quotes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cases_id_idx\` ON \`payload_locked_documents_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_related_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`related_stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  // The new tables go last, once no column of the rebuilt tables references them.
  // Foreign keys off before any table goes, and claims before the people they reference.
  await db.run(sql`DROP TABLE \`claims\`;`)
  await db.run(sql`DROP TABLE \`cases_parties\`;`)
  await db.run(sql`DROP TABLE \`people_positions\`;`)
  await db.run(sql`DROP TABLE \`people_links\`;`)
  await db.run(sql`DROP TABLE \`people\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
