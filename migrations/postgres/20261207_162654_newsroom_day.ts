import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_activity_action" AS ENUM('created', 'submitted', 'edited', 'published', 'unpublished', 'corrected', 'verified');
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('assigned', 'submitted', 'mentioned', 'quote-disputed', 'published');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'partner';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomLiftEmbargo' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomLiftEmbargo' BEFORE 'schedulePublish';
  CREATE TABLE "activity" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"actor_id" integer,
  	"action" "enum_activity_action" NOT NULL,
  	"record_collection" varchar NOT NULL,
  	"record_id" varchar NOT NULL,
  	"record_title" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"detail" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "editorial_comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"parent_id" integer,
  	"body" varchar NOT NULL,
  	"author_id" integer,
  	"resolved" boolean DEFAULT false,
  	"resolved_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "editorial_comments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"kind" "enum_notifications_kind" NOT NULL,
  	"article_id" integer,
  	"message" varchar NOT NULL,
  	"read" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "enable_a_p_i_key" boolean;
  ALTER TABLE "users" ADD COLUMN "api_key" varchar;
  ALTER TABLE "users" ADD COLUMN "api_key_index" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "activity_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "editorial_comments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "activity" ADD CONSTRAINT "activity_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editorial_comments" ADD CONSTRAINT "editorial_comments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editorial_comments" ADD CONSTRAINT "editorial_comments_parent_id_editorial_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."editorial_comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editorial_comments" ADD CONSTRAINT "editorial_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editorial_comments" ADD CONSTRAINT "editorial_comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editorial_comments_rels" ADD CONSTRAINT "editorial_comments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."editorial_comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editorial_comments_rels" ADD CONSTRAINT "editorial_comments_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "activity_actor_idx" ON "activity" USING btree ("actor_id");
  CREATE INDEX "activity_action_idx" ON "activity" USING btree ("action");
  CREATE INDEX "activity_record_collection_idx" ON "activity" USING btree ("record_collection");
  CREATE INDEX "activity_record_id_idx" ON "activity" USING btree ("record_id");
  CREATE INDEX "activity_at_idx" ON "activity" USING btree ("at");
  CREATE INDEX "activity_updated_at_idx" ON "activity" USING btree ("updated_at");
  CREATE INDEX "activity_created_at_idx" ON "activity" USING btree ("created_at");
  CREATE INDEX "editorial_comments_article_idx" ON "editorial_comments" USING btree ("article_id");
  CREATE INDEX "editorial_comments_parent_idx" ON "editorial_comments" USING btree ("parent_id");
  CREATE INDEX "editorial_comments_author_idx" ON "editorial_comments" USING btree ("author_id");
  CREATE INDEX "editorial_comments_resolved_idx" ON "editorial_comments" USING btree ("resolved");
  CREATE INDEX "editorial_comments_resolved_by_idx" ON "editorial_comments" USING btree ("resolved_by_id");
  CREATE INDEX "editorial_comments_updated_at_idx" ON "editorial_comments" USING btree ("updated_at");
  CREATE INDEX "editorial_comments_created_at_idx" ON "editorial_comments" USING btree ("created_at");
  CREATE INDEX "editorial_comments_rels_order_idx" ON "editorial_comments_rels" USING btree ("order");
  CREATE INDEX "editorial_comments_rels_parent_idx" ON "editorial_comments_rels" USING btree ("parent_id");
  CREATE INDEX "editorial_comments_rels_path_idx" ON "editorial_comments_rels" USING btree ("path");
  CREATE INDEX "editorial_comments_rels_users_id_idx" ON "editorial_comments_rels" USING btree ("users_id");
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_kind_idx" ON "notifications" USING btree ("kind");
  CREATE INDEX "notifications_article_idx" ON "notifications" USING btree ("article_id");
  CREATE INDEX "notifications_read_idx" ON "notifications" USING btree ("read");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_activity_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_editorial_comments_fk" FOREIGN KEY ("editorial_comments_id") REFERENCES "public"."editorial_comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_embargo_until_idx" ON "articles" USING btree ("embargo_until");
  CREATE INDEX "_articles_v_version_version_embargo_until_idx" ON "_articles_v" USING btree ("version_embargo_until");
  CREATE INDEX "payload_locked_documents_rels_activity_id_idx" ON "payload_locked_documents_rels" USING btree ("activity_id");
  CREATE INDEX "payload_locked_documents_rels_editorial_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("editorial_comments_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "activity" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "editorial_comments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "editorial_comments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "activity" CASCADE;
  DROP TABLE "editorial_comments" CASCADE;
  DROP TABLE "editorial_comments_rels" CASCADE;
  DROP TABLE "notifications" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_activity_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_editorial_comments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'writer');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_embargo_until_idx";
  DROP INDEX "_articles_v_version_version_embargo_until_idx";
  DROP INDEX "payload_locked_documents_rels_activity_id_idx";
  DROP INDEX "payload_locked_documents_rels_editorial_comments_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "articles" DROP COLUMN "embargo_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargo_until";
  ALTER TABLE "users" DROP COLUMN "enable_a_p_i_key";
  ALTER TABLE "users" DROP COLUMN "api_key";
  ALTER TABLE "users" DROP COLUMN "api_key_index";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "activity_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "editorial_comments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  DROP TYPE "public"."enum_activity_action";
  DROP TYPE "public"."enum_notifications_kind";`)
}
