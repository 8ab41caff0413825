import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "quotes" ADD COLUMN "in_live_story" boolean DEFAULT false;
  ALTER TABLE "cases" ADD COLUMN "in_live_story" boolean DEFAULT false;
  ALTER TABLE "related_stories" ADD COLUMN "in_live_story" boolean DEFAULT false;
  ALTER TABLE "media" ADD COLUMN "in_live_story" boolean DEFAULT false;
  CREATE INDEX "quotes_in_live_story_idx" ON "quotes" USING btree ("in_live_story");
  CREATE INDEX "cases_in_live_story_idx" ON "cases" USING btree ("in_live_story");
  CREATE INDEX "related_stories_in_live_story_idx" ON "related_stories" USING btree ("in_live_story");
  CREATE INDEX "media_in_live_story_idx" ON "media" USING btree ("in_live_story");`)
  // Records live stories already show are marked, so readers keep seeing them and writers'
  // edits of them go through an editor from now on.
  await db.execute(sql`
   UPDATE "quotes" SET "in_live_story" = true WHERE "id" IN (
     SELECT "r"."quotes_id" FROM "articles_rels" "r" JOIN "articles" "a" ON "a"."id" = "r"."parent_id"
     WHERE "a"."_status" = 'published' AND "r"."path" = 'quotes');`)
  await db.execute(sql`
   UPDATE "cases" SET "in_live_story" = true WHERE "id" IN (
     SELECT "r"."cases_id" FROM "articles_rels" "r" JOIN "articles" "a" ON "a"."id" = "r"."parent_id"
     WHERE "a"."_status" = 'published' AND "r"."path" = 'cases');`)
  await db.execute(sql`
   UPDATE "related_stories" SET "in_live_story" = true WHERE "id" IN (
     SELECT "r"."related_stories_id" FROM "articles_rels" "r" JOIN "articles" "a" ON "a"."id" = "r"."parent_id"
     WHERE "a"."_status" = 'published' AND "r"."path" = 'relatedCoverage');`)
  await db.execute(sql`
   UPDATE "media" SET "in_live_story" = true WHERE "id" IN (
     SELECT "hero_image_id" FROM "articles" WHERE "_status" = 'published' AND "hero_image_id" IS NOT NULL);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "quotes_in_live_story_idx";
  DROP INDEX "cases_in_live_story_idx";
  DROP INDEX "related_stories_in_live_story_idx";
  DROP INDEX "media_in_live_story_idx";
  ALTER TABLE "quotes" DROP COLUMN "in_live_story";
  ALTER TABLE "cases" DROP COLUMN "in_live_story";
  ALTER TABLE "related_stories" DROP COLUMN "in_live_story";
  ALTER TABLE "media" DROP COLUMN "in_live_story";`)
}
