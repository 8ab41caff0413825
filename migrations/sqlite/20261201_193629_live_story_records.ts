import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`quotes\` ADD \`in_live_story\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`quotes_in_live_story_idx\` ON \`quotes\` (\`in_live_story\`);`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`in_live_story\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`cases_in_live_story_idx\` ON \`cases\` (\`in_live_story\`);`)
  await db.run(sql`ALTER TABLE \`related_stories\` ADD \`in_live_story\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`related_stories_in_live_story_idx\` ON \`related_stories\` (\`in_live_story\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`in_live_story\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`media_in_live_story_idx\` ON \`media\` (\`in_live_story\`);`)
  // Records live stories already show are marked, so readers keep seeing them and writers'
  // edits of them go through an editor from now on.
  await db.run(sql`
   UPDATE "quotes" SET "in_live_story" = 1 WHERE "id" IN (
     SELECT "r"."quotes_id" FROM "articles_rels" "r" JOIN "articles" "a" ON "a"."id" = "r"."parent_id"
     WHERE "a"."_status" = 'published' AND "r"."path" = 'quotes');`)
  await db.run(sql`
   UPDATE "cases" SET "in_live_story" = 1 WHERE "id" IN (
     SELECT "r"."cases_id" FROM "articles_rels" "r" JOIN "articles" "a" ON "a"."id" = "r"."parent_id"
     WHERE "a"."_status" = 'published' AND "r"."path" = 'cases');`)
  await db.run(sql`
   UPDATE "related_stories" SET "in_live_story" = 1 WHERE "id" IN (
     SELECT "r"."related_stories_id" FROM "articles_rels" "r" JOIN "articles" "a" ON "a"."id" = "r"."parent_id"
     WHERE "a"."_status" = 'published' AND "r"."path" = 'relatedCoverage');`)
  await db.run(sql`
   UPDATE "media" SET "in_live_story" = 1 WHERE "id" IN (
     SELECT "hero_image_id" FROM "articles" WHERE "_status" = 'published' AND "hero_image_id" IS NOT NULL);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`quotes_in_live_story_idx\`;`)
  await db.run(sql`ALTER TABLE \`quotes\` DROP COLUMN \`in_live_story\`;`)
  await db.run(sql`DROP INDEX \`cases_in_live_story_idx\`;`)
  await db.run(sql`ALTER TABLE \`cases\` DROP COLUMN \`in_live_story\`;`)
  await db.run(sql`DROP INDEX \`related_stories_in_live_story_idx\`;`)
  await db.run(sql`ALTER TABLE \`related_stories\` DROP COLUMN \`in_live_story\`;`)
  await db.run(sql`DROP INDEX \`media_in_live_story_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`in_live_story\`;`)
}
