import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_assignment_art_needed" AS ENUM('none', 'photo', 'graphic', 'video');
  CREATE TYPE "public"."enum__articles_v_version_assignment_art_needed" AS ENUM('none', 'photo', 'graphic', 'video');
  ALTER TABLE "articles" ADD COLUMN "assignment_budget_line" varchar;
  ALTER TABLE "articles" ADD COLUMN "assignment_editor_id" integer;
  ALTER TABLE "articles" ADD COLUMN "assignment_due_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "assignment_planned_length" numeric;
  ALTER TABLE "articles" ADD COLUMN "assignment_art_needed" "enum_articles_assignment_art_needed" DEFAULT 'none';
  ALTER TABLE "articles_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignment_budget_line" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignment_editor_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignment_due_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignment_planned_length" numeric;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignment_art_needed" "enum__articles_v_version_assignment_art_needed" DEFAULT 'none';
  ALTER TABLE "_articles_v_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_assignment_editor_id_users_id_fk" FOREIGN KEY ("assignment_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_assignment_editor_id_users_id_fk" FOREIGN KEY ("version_assignment_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_assignment_assignment_editor_idx" ON "articles" USING btree ("assignment_editor_id");
  CREATE INDEX "articles_assignment_assignment_due_at_idx" ON "articles" USING btree ("assignment_due_at");
  CREATE INDEX "articles_rels_users_id_idx" ON "articles_rels" USING btree ("users_id");
  CREATE INDEX "_articles_v_version_assignment_version_assignment_editor_idx" ON "_articles_v" USING btree ("version_assignment_editor_id");
  CREATE INDEX "_articles_v_version_assignment_version_assignment_due_at_idx" ON "_articles_v" USING btree ("version_assignment_due_at");
  CREATE INDEX "_articles_v_rels_users_id_idx" ON "_articles_v_rels" USING btree ("users_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT IF EXISTS "articles_assignment_editor_id_users_id_fk";
  
  ALTER TABLE "articles_rels" DROP CONSTRAINT IF EXISTS "articles_rels_users_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT IF EXISTS "_articles_v_version_assignment_editor_id_users_id_fk";
  
  ALTER TABLE "_articles_v_rels" DROP CONSTRAINT IF EXISTS "_articles_v_rels_users_fk";
  
  DROP INDEX "articles_assignment_assignment_editor_idx";
  DROP INDEX "articles_assignment_assignment_due_at_idx";
  DROP INDEX "articles_rels_users_id_idx";
  DROP INDEX "_articles_v_version_assignment_version_assignment_editor_idx";
  DROP INDEX "_articles_v_version_assignment_version_assignment_due_at_idx";
  DROP INDEX "_articles_v_rels_users_id_idx";
  ALTER TABLE "articles" DROP COLUMN "assignment_budget_line";
  ALTER TABLE "articles" DROP COLUMN "assignment_editor_id";
  ALTER TABLE "articles" DROP COLUMN "assignment_due_at";
  ALTER TABLE "articles" DROP COLUMN "assignment_planned_length";
  ALTER TABLE "articles" DROP COLUMN "assignment_art_needed";
  ALTER TABLE "articles_rels" DROP COLUMN "users_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignment_budget_line";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignment_editor_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignment_due_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignment_planned_length";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignment_art_needed";
  ALTER TABLE "_articles_v_rels" DROP COLUMN "users_id";
  DROP TYPE "public"."enum_articles_assignment_art_needed";
  DROP TYPE "public"."enum__articles_v_version_assignment_art_needed";`)
}
