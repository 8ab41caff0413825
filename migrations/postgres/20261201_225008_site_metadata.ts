import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { carryOverLegacySeoSql } from 'payload-plugin-newsroom'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_articles_stage" ADD VALUE 'published';
  ALTER TYPE "public"."enum__articles_v_version_stage" ADD VALUE 'published';
  ALTER TABLE "articles" ADD COLUMN "meta_title" varchar;
  ALTER TABLE "articles" ADD COLUMN "meta_description" varchar;
  ALTER TABLE "articles" ADD COLUMN "meta_image_id" integer;
  ALTER TABLE "articles" ADD COLUMN "revised_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_meta_title" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_meta_description" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_meta_image_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_revised_at" timestamp(3) with time zone;
  ALTER TABLE "cases" ADD COLUMN "meta_title" varchar;
  ALTER TABLE "cases" ADD COLUMN "meta_description" varchar;
  ALTER TABLE "cases" ADD COLUMN "meta_image_id" integer;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_meta_image_id_media_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cases" ADD CONSTRAINT "cases_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_meta_meta_image_idx" ON "articles" USING btree ("meta_image_id");
  CREATE INDEX "_articles_v_version_meta_version_meta_image_idx" ON "_articles_v" USING btree ("version_meta_image_id");
  CREATE INDEX "cases_meta_meta_image_idx" ON "cases" USING btree ("meta_image_id");`)
  // The old seo group's values move to plugin-seo's meta fields before the old columns go.
  await carryOverLegacySeoSql((statement) => db.execute(sql.raw(statement)))
  await db.execute(sql`
  ALTER TABLE "articles" DROP COLUMN "seo_title";
  ALTER TABLE "articles" DROP COLUMN "seo_description";
  ALTER TABLE "_articles_v" DROP COLUMN "version_seo_title";
  ALTER TABLE "_articles_v" DROP COLUMN "version_seo_description";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT IF EXISTS "articles_meta_image_id_media_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT IF EXISTS "_articles_v_version_meta_image_id_media_id_fk";
  
  ALTER TABLE "cases" DROP CONSTRAINT IF EXISTS "cases_meta_image_id_media_id_fk";
  
  ALTER TABLE "articles" ALTER COLUMN "stage" SET DATA TYPE text;
  ALTER TABLE "articles" ALTER COLUMN "stage" SET DEFAULT 'drafting'::text;
  DROP TYPE "public"."enum_articles_stage";
  CREATE TYPE "public"."enum_articles_stage" AS ENUM('pitch', 'drafting', 'editing', 'copy-desk', 'ready');
  ALTER TABLE "articles" ALTER COLUMN "stage" SET DEFAULT 'drafting'::"public"."enum_articles_stage";
  ALTER TABLE "articles" ALTER COLUMN "stage" SET DATA TYPE "public"."enum_articles_stage" USING "stage"::"public"."enum_articles_stage";
  ALTER TABLE "_articles_v" ALTER COLUMN "version_stage" SET DATA TYPE text;
  ALTER TABLE "_articles_v" ALTER COLUMN "version_stage" SET DEFAULT 'drafting'::text;
  DROP TYPE "public"."enum__articles_v_version_stage";
  CREATE TYPE "public"."enum__articles_v_version_stage" AS ENUM('pitch', 'drafting', 'editing', 'copy-desk', 'ready');
  ALTER TABLE "_articles_v" ALTER COLUMN "version_stage" SET DEFAULT 'drafting'::"public"."enum__articles_v_version_stage";
  ALTER TABLE "_articles_v" ALTER COLUMN "version_stage" SET DATA TYPE "public"."enum__articles_v_version_stage" USING "version_stage"::"public"."enum__articles_v_version_stage";
  DROP INDEX "articles_meta_meta_image_idx";
  DROP INDEX "_articles_v_version_meta_version_meta_image_idx";
  DROP INDEX "cases_meta_meta_image_idx";
  ALTER TABLE "articles" ADD COLUMN "seo_title" varchar;
  ALTER TABLE "articles" ADD COLUMN "seo_description" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_seo_title" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_seo_description" varchar;
  UPDATE "articles" SET "seo_title" = "meta_title", "seo_description" = "meta_description";
  UPDATE "_articles_v" SET "version_seo_title" = "version_meta_title", "version_seo_description" = "version_meta_description";
  ALTER TABLE "articles" DROP COLUMN "meta_title";
  ALTER TABLE "articles" DROP COLUMN "meta_description";
  ALTER TABLE "articles" DROP COLUMN "meta_image_id";
  ALTER TABLE "articles" DROP COLUMN "revised_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_meta_title";
  ALTER TABLE "_articles_v" DROP COLUMN "version_meta_description";
  ALTER TABLE "_articles_v" DROP COLUMN "version_meta_image_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_revised_at";
  ALTER TABLE "cases" DROP COLUMN "meta_title";
  ALTER TABLE "cases" DROP COLUMN "meta_description";
  ALTER TABLE "cases" DROP COLUMN "meta_image_id";`)
}
