import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "newsroom_changes" (
  	"id" varchar PRIMARY KEY NOT NULL,
  	"keys" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  DROP TABLE "newsroom_delivery_state" CASCADE;
  CREATE INDEX "newsroom_changes_updated_at_idx" ON "newsroom_changes" USING btree ("updated_at");
  CREATE INDEX "newsroom_changes_created_at_idx" ON "newsroom_changes" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "newsroom_delivery_state" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"generation" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  DROP TABLE "newsroom_changes" CASCADE;`)
}
